using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Digests;

/// <summary>The weekly schedule over a real store with a fake clock; auto-posts go to the Discord emulator.</summary>
public sealed class DigestSchedulerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DigestWorld.Now);
    private TempSqliteStore _store = null!;
    private Emulator _emulator = null!;
    private ServiceProvider _services = null!;

    private DigestScheduler Scheduler => _services.GetRequiredService<DigestScheduler>();

    private DigestService Digests => _services.GetRequiredService<DigestService>();

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync();
        await DigestWorld.SeedAsync(_store);
        _emulator = await Emulator.StartAsync();
        _services = new ServiceCollection().AddDigestServices(_store.ConnectionString, _time, _emulator).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task RunDue_BerlinMondayNineOClock_RunsOnceAtThatHourAndDraftsForApproval()
    {
        // Now is Wednesday 2026-11-25 10:00 UTC; Monday 09:00 in Berlin (winter time) is 08:00 UTC.
        Assert.Null(await Scheduler.SaveAsync(DigestWorld.Guild, new DigestScheduleSettings(true, DayOfWeek.Monday, 9, "Europe/Berlin", false, null), CancellationToken.None));
        var saved = (await Scheduler.FindAsync(DigestWorld.Guild, CancellationToken.None))!;
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), saved.NextRunAt);

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await Scheduler.RunDueAsync(CancellationToken.None));
        Assert.Empty(await Digests.ListAsync(DigestWorld.Guild, CancellationToken.None));

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 2, 0, TimeSpan.Zero));
        Assert.Equal(1, await Scheduler.RunDueAsync(CancellationToken.None));
        Assert.Equal(0, await Scheduler.RunDueAsync(CancellationToken.None));

        var digest = Assert.Single(await Digests.ListAsync(DigestWorld.Guild, CancellationToken.None));
        Assert.True(digest.Scheduled);
        Assert.Equal(DigestStatus.Draft, digest.Status);
        Assert.Empty(_emulator.PostedMessages);
        var after = (await Scheduler.FindAsync(DigestWorld.Guild, CancellationToken.None))!;
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), after.NextRunAt);
        Assert.Equal(digest.Id, after.LastDigestId);
        Assert.Null(after.LastError);
    }

    [Fact]
    public async Task RunDue_AutoPost_PostsTheDigestToTheChannel()
    {
        await Scheduler.SaveAsync(DigestWorld.Guild, new DigestScheduleSettings(true, DayOfWeek.Wednesday, 11, "UTC", true, DigestWorld.Announcements), CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await Scheduler.RunDueAsync(CancellationToken.None));

        var digest = Assert.Single(await Digests.ListAsync(DigestWorld.Guild, CancellationToken.None));
        Assert.Equal(DigestStatus.Posted, digest.Status);
        var posted = Assert.Single(_emulator.PostedMessages);
        Assert.Equal(DigestWorld.Announcements.ToString(), posted.ChannelId);
    }

    [Fact]
    public async Task RunDue_AfterThreeWeeksDown_RunsOnceAndSchedulesTheComingWeek()
    {
        await Scheduler.SaveAsync(DigestWorld.Guild, new DigestScheduleSettings(true, DayOfWeek.Thursday, 6, "America/New_York", false, null), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(21));

        Assert.Equal(1, await Scheduler.RunDueAsync(CancellationToken.None));
        Assert.Equal(0, await Scheduler.RunDueAsync(CancellationToken.None));

        Assert.Single(await Digests.ListAsync(DigestWorld.Guild, CancellationToken.None));
        var next = DateTimeOffset.FromUnixTimeMilliseconds((await Scheduler.FindAsync(DigestWorld.Guild, CancellationToken.None))!.NextRunAt!.Value);
        Assert.InRange(next - _time.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task RunDue_Disabled_NeverRuns()
    {
        await Scheduler.SaveAsync(DigestWorld.Guild, new DigestScheduleSettings(false, DayOfWeek.Wednesday, 11, "UTC", false, null), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(8));

        Assert.Equal(0, await Scheduler.RunDueAsync(CancellationToken.None));
        Assert.Empty(await Digests.ListAsync(DigestWorld.Guild, CancellationToken.None));
    }

    [Fact]
    public async Task Save_ZoneInAnyLetterCase_StoredInTheSystemSpelling()
    {
        Assert.Null(await Scheduler.SaveAsync(DigestWorld.Guild, new DigestScheduleSettings(true, DayOfWeek.Monday, 9, "europe/berlin", false, null), CancellationToken.None));

        Assert.Equal("Europe/Berlin", (await Scheduler.FindAsync(DigestWorld.Guild, CancellationToken.None))!.TimeZone);
    }

    [Fact]
    public async Task Save_AutoPostInDemoMode_RefusedWithTheReason_AndSavesNothing()
    {
        await using var demo = new ServiceCollection().AddDigestServices(_store.ConnectionString, _time, emulator: null).BuildServiceProvider();
        var scheduler = demo.GetRequiredService<DigestScheduler>();

        var problem = await scheduler.SaveAsync(DigestWorld.Guild, new DigestScheduleSettings(true, DayOfWeek.Monday, 9, "UTC", true, DigestWorld.Announcements), CancellationToken.None);

        Assert.Equal("autoPost", problem?.Setting);
        Assert.Contains("demo mode", problem?.Reason, StringComparison.Ordinal);
        Assert.Null(await scheduler.FindAsync(DigestWorld.Guild, CancellationToken.None));
        Assert.Null(await scheduler.SaveAsync(DigestWorld.Guild, new DigestScheduleSettings(true, DayOfWeek.Monday, 9, "UTC", false, DigestWorld.Announcements), CancellationToken.None));
    }

    [Theory]
    [InlineData(24, "UTC", false, null, "hour")]
    [InlineData(9, "Mars/Olympus", false, null, "timeZone")]
    [InlineData(9, "UTC", true, null, "channelId")]
    [InlineData(9, "UTC", true, DigestWorld.OtherGuildChannel, "channelId")]
    public async Task Save_BadSetting_NamesItAndSavesNothing(int hour, string zone, bool autoPost, ulong? channel, string setting)
    {
        var problem = await Scheduler.SaveAsync(DigestWorld.Guild, new DigestScheduleSettings(true, DayOfWeek.Monday, hour, zone, autoPost, channel), CancellationToken.None);

        Assert.Equal(setting, problem?.Setting);
        Assert.Null(await Scheduler.FindAsync(DigestWorld.Guild, CancellationToken.None));
    }
}
