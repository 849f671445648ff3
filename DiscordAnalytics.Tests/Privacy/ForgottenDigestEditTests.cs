using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Digests;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Privacy;

/// <summary>
/// A digest already posted to Discord when a member it names is forgotten is edited there to the scrubbed text: real
/// store, the real writer's forget, the real REST client to the loopback Discord emulator. A failed edit is not lost.
/// </summary>
public sealed class ForgottenDigestEditTests : IAsyncLifetime
{
    private const string Alice = "alice";
    private TempSqliteStore _store = null!;
    private Emulator _emulator = null!;
    private ServiceProvider _services = null!;

    private ForgottenDigestScrubber Scrubber => _services.GetRequiredService<ForgottenDigestScrubber>();

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync();
        await DigestWorld.SeedAsync(_store);
        _emulator = await Emulator.StartAsync();
        _emulator.ExpectedToken = DigestServices.Token;
        _services = new ServiceCollection()
            .AddDigestServices(_store.ConnectionString, new FakeTimeProvider(DigestWorld.Now), _emulator)
            .AddSingleton<ForgottenDigestScrubber>()
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Scrub_EditFailsThenNextRun_PostedMessageIsEditedToTheScrubbedText()
    {
        var digest = await PostedDigestAsync();
        var posted = Assert.Single(_emulator.PostedMessages);
        Assert.Contains(Alice, Text(posted.Body), StringComparison.Ordinal);
        var path = $"/channels/{DigestWorld.General}/messages/{posted.Id}";
        // The bot lost its permission in the channel for the first edit.
        _emulator.EnqueueRestResponse(path, 403, """{"message":"Missing Permissions","code":50013}""");
        await ForgetAliceAsync();

        await Scrubber.ScrubAsync((long)DigestWorld.Guild, (long)DigestWorld.Alice, CancellationToken.None);

        var failed = await ReloadAsync(digest.Id);
        Assert.True(failed.EditPending);
        Assert.Contains("403", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(Alice, failed.Markdown, StringComparison.Ordinal);
        Assert.Contains(Alice, Text(Assert.Single(_emulator.PostedMessages).Body), StringComparison.Ordinal);
        Assert.Empty(_emulator.Edits);

        var left = await Scrubber.RunPendingAsync(CancellationToken.None);

        Assert.Equal(0, left);
        AssertEditedTo(await ReloadAsync(digest.Id), posted.Id);
        Assert.Equal([403, 200], _emulator.RestRequests.Where(r => r.Method == "PATCH" && r.Path == path).Select(r => r.Status));
        Assert.Equal(0, _emulator.UnexpectedRateLimits);
    }

    [Fact]
    public async Task RunPending_ForgetCommittedButScrubNeverRan_ScrubsStoredDigestAndEditsPostedMessage()
    {
        var digest = await PostedDigestAsync();
        var posted = Assert.Single(_emulator.PostedMessages);
        // The app stopped right after the writer committed the forget: nothing scrubbed, nothing marked.
        await ForgetAliceAsync();
        Assert.Contains(Alice, (await ReloadAsync(digest.Id)).Markdown, StringComparison.Ordinal);

        var left = await Scrubber.RunPendingAsync(CancellationToken.None);

        Assert.Equal(0, left);
        AssertEditedTo(await ReloadAsync(digest.Id), posted.Id);
        Assert.DoesNotContain($"\"{DigestWorld.Alice}\"", (await ReloadAsync(digest.Id)).SummaryJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPending_NothingLeft_SendsNothing()
    {
        await PostedDigestAsync();
        await ForgetAliceAsync();
        await Scrubber.RunPendingAsync(CancellationToken.None);
        var requests = _emulator.RestRequests.Count;

        var left = await Scrubber.RunPendingAsync(CancellationToken.None);

        Assert.Equal(0, left);
        Assert.Equal(requests, _emulator.RestRequests.Count);
        Assert.Single(_emulator.Edits);
    }

    [Fact]
    public async Task Scrub_NameInsideActionTextInAnyCase_EveryWholeOccurrenceGoesAndOtherWordsStay()
    {
        var digests = _services.GetRequiredService<DigestService>();
        var digest = (await digests.GenerateAsync(DigestWorld.Guild, scheduled: false, CancellationToken.None))!;
        // What a model's suggested action (or an admin's edit) may say about them, beside the writer's own lists.
        var markdown = digest.Markdown + "- **Thank Alice**: ALICE's answers kept #general going; alice\\_fan and Malice are other people.\n";
        Assert.Equal(DigestEditOutcome.Saved, await digests.SaveMarkdownAsync(DigestWorld.Guild, digest.Id, markdown, CancellationToken.None));
        await ForgetAliceAsync();

        await Scrubber.ScrubAsync((long)DigestWorld.Guild, (long)DigestWorld.Alice, CancellationToken.None);

        var scrubbed = (await ReloadAsync(digest.Id)).Markdown;
        Assert.DoesNotMatch(@"(?i)(?<![a-z_])alice(?![a-z]|\\_)", scrubbed);
        Assert.Contains($"- **Thank {ForgottenDigestText.ForgottenName}**: {ForgottenDigestText.ForgottenName}'s answers", scrubbed, StringComparison.Ordinal);
        Assert.Contains("alice\\_fan and Malice", scrubbed, StringComparison.Ordinal);
        Assert.False((await ReloadAsync(digest.Id)).EditPending);
        Assert.Empty(_emulator.Edits);
    }

    private void AssertEditedTo(Digest stored, string messageId)
    {
        Assert.False(stored.EditPending);
        Assert.Null(stored.LastError);
        var edit = Assert.Single(_emulator.Edits);
        Assert.Equal(messageId, edit.Id);
        var sent = Text(edit.Body);
        Assert.DoesNotContain(Alice, sent, StringComparison.Ordinal);
        Assert.Contains(ForgottenDigestText.ForgottenName, sent, StringComparison.Ordinal);
        Assert.Equal("[]", edit.Body["allowed_mentions"]!["parse"]!.ToJsonString());
        var expected = DigestEmbedSplitter.Split(stored.Markdown);
        Assert.Equal(string.Join("\n", expected[0].Embeds.Select(e => e.Title + "\n" + e.Description)), sent);
        Assert.Equal(sent, Text(Assert.Single(_emulator.PostedMessages).Body));
    }

    private async Task<Digest> PostedDigestAsync()
    {
        var digests = _services.GetRequiredService<DigestService>();
        var digest = (await digests.GenerateAsync(DigestWorld.Guild, scheduled: false, CancellationToken.None))!;
        var result = await _services.GetRequiredService<DigestPoster>().PostAsync(DigestWorld.Guild, digest.Id, DigestWorld.General, CancellationToken.None);
        Assert.Equal(DigestPostOutcome.Posted, result.Outcome);
        return digest;
    }

    private Task ForgetAliceAsync() => _store.WriteAsync(new IngestEvent
    {
        Type = IngestEventType.MemberForget,
        GuildId = DigestWorld.Guild,
        UserId = DigestWorld.Alice,
        EventAt = DigestWorld.Now.ToUnixTimeMilliseconds(),
    });

    private async Task<Digest> ReloadAsync(long id)
    {
        await using var db = _store.NewContext();
        return await db.Digests.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    /// <summary>The embeds' titles and descriptions, one per line pair.</summary>
    private static string Text(System.Text.Json.Nodes.JsonObject body) =>
        string.Join("\n", body["embeds"]!.AsArray().Select(e => e!["title"]?.GetValue<string>() + "\n" + (e["description"]?.GetValue<string>() ?? string.Empty)));
}
