using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Digests;

/// <summary>Generation and editing over a real store (no Discord involved).</summary>
public sealed class DigestServiceTests : IAsyncLifetime
{
    private TempSqliteStore _store = null!;
    private ServiceProvider _services = null!;

    private DigestService Digests => _services.GetRequiredService<DigestService>();

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync();
        await DigestWorld.SeedAsync(_store);
        _services = new ServiceCollection().AddDigestServices(_store.ConnectionString, new FakeTimeProvider(DigestWorld.Now), emulator: null).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Generate_SeededWeek_CoversTheSevenWholeDaysBeforeTodayAndIsGroundedInItsStoredSummary()
    {
        var digest = (await Digests.GenerateAsync(DigestWorld.Guild, scheduled: false, CancellationToken.None))!;

        var today = DayBucket.FromUnixMs(DigestWorld.Now.ToUnixTimeMilliseconds());
        Assert.Equal(DayBucket.StartMs(today - 7), digest.WindowStartAt);
        Assert.Equal(DayBucket.StartMs(today), digest.WindowEndAt);
        var summary = JsonSerializer.Deserialize<AnalyticsSummary>(digest.SummaryJson, DigestService.SummaryJsonOptions)!;
        Assert.Equal(4, summary.Totals.Messages);
        Assert.Equal(2, summary.PreviousTotals.Messages);
        var grounding = GroundingCheck.Check(summary, [digest.Markdown]);
        Assert.True(grounding.IsGrounded, string.Join(", ", grounding.Violations));
        Assert.Equal(OfflineInsightGenerator.Name, digest.Generator);
        Assert.Equal(DigestStatus.Draft, digest.Status);
    }

    [Fact]
    public async Task Generate_UnknownGuild_IsNullAndStoresNothing()
    {
        Assert.Null(await Digests.GenerateAsync(123_456_789, scheduled: false, CancellationToken.None));
        Assert.Empty(await Digests.ListAsync(123_456_789, CancellationToken.None));
    }

    [Fact]
    public async Task SaveMarkdown_DraftEmptyTooLongOrOtherGuild_OnlyTheValidEditOfItsOwnGuildIsSaved()
    {
        var digest = (await Digests.GenerateAsync(DigestWorld.Guild, scheduled: false, CancellationToken.None))!;

        Assert.Equal(DigestEditOutcome.Empty, await Digests.SaveMarkdownAsync(DigestWorld.Guild, digest.Id, "  \n", CancellationToken.None));
        Assert.Equal(DigestEditOutcome.TooLong, await Digests.SaveMarkdownAsync(DigestWorld.Guild, digest.Id, new string('x', DigestService.MaxMarkdownLength + 1), CancellationToken.None));
        Assert.Equal(DigestEditOutcome.NotFound, await Digests.SaveMarkdownAsync(DigestWorld.OtherGuild, digest.Id, "hijack", CancellationToken.None));
        Assert.Equal(DigestEditOutcome.Saved, await Digests.SaveMarkdownAsync(DigestWorld.Guild, digest.Id, "# Edited\r\nbroken \uD800 text", CancellationToken.None));

        Assert.Equal("# Edited\nbroken \uFFFD text", (await Digests.FindAsync(DigestWorld.Guild, digest.Id, CancellationToken.None))!.Markdown);
    }

    [Fact]
    public async Task ListChannels_Guild_TextChannelsOfThatGuildOnlyByName()
    {
        var channels = await Digests.ListChannelsAsync(DigestWorld.Guild, CancellationToken.None);

        Assert.Equal([new DigestChannel(DigestWorld.Announcements.ToString(), "announcements"), new DigestChannel(DigestWorld.General.ToString(), "general")], channels);
    }
}
