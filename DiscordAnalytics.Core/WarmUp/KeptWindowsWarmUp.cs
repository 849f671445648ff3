using System.Diagnostics;
using System.Threading.Channels;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Hosting;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Retention;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.WarmUp;

/// <summary>
/// Builds the dashboard's standard windows' kept indexes in the background, so the first dashboard on a 30 or 90-day
/// window after a start does not wait seconds for them: it makes the dashboard's own calls (<see cref="DashboardCalls"/>)
/// for every guild and window in <see cref="StandardWindows"/>, and those of the cards that follow a role for the guild's
/// most held roles (<see cref="DashboardCalls.MostHeldRolesAsync"/>). Runs after the start (hosted services start in order:
/// the store is migrated and the writer runs by then), after each retention run (<see cref="IRetentionRunListener"/>),
/// and whenever a guild's local day turns (a new UTC day moves every window too). After the standard windows it reads
/// each guild's member days of the longest window and its previous one (<see cref="AnalyticsQuery.MaxWindowDays"/>, a
/// custom range's widest: a year of 20k members a day is millions of rows), so a wide custom range waits for none of
/// them either. Low priority: one guild and window at a
/// time, each waiting while the writer has more than <see cref="YieldAboveQueued"/> events queued. The calls are the
/// cards' own, so nothing here can change a number; a failure (a store that cannot be read) is logged and the pass is
/// tried again after a backoff (<see cref="ResilientBackgroundService"/>), never ending the host. A stop cancels the pass
/// and returns within <see cref="StopWait"/> even if a build does not notice the cancellation.
/// </summary>
public sealed partial class KeptWindowsWarmUp : ResilientBackgroundService, IRetentionRunListener
{
    /// <summary>
    /// The dashboard's windows (its selector offers 7, 30 and 90 days; the public leaderboard shows 30), in the order warmed:
    /// the default one first, then the longest (the mentors' held items read for it serve the shorter ones), then the rest.
    /// </summary>
    public static readonly IReadOnlyList<int> StandardWindows = [7, 90, 30];

    /// <summary>The longest a stop waits for a build to notice its cancellation.</summary>
    public static readonly TimeSpan StopWait = TimeSpan.FromSeconds(2);

    /// <summary>Events queued for the writer above which a window waits (a backfill or the demo's history being written).</summary>
    public const int YieldAboveQueued = 1_000;

    private static readonly TimeSpan YieldPoll = TimeSpan.FromMilliseconds(250);

    private readonly DashboardCalls _calls;
    private readonly MemberDayIndex _memberDays;
    private readonly IDbContextFactory<AnalyticsDbContext> _contexts;
    private readonly IOptions<DiscordOptions> _discord;
    private readonly IIngestionStatus? _writer;
    private readonly ILogger<KeptWindowsWarmUp> _logger;
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _passes;

    public KeptWindowsWarmUp(
        DashboardCalls calls,
        MemberDayIndex memberDays,
        IDbContextFactory<AnalyticsDbContext> contexts,
        IOptions<DiscordOptions> discord,
        TimeProvider time,
        ILogger<KeptWindowsWarmUp> logger,
        IIngestionStatus? writer = null)
        : base(time, logger)
    {
        _calls = calls;
        _memberDays = memberDays;
        _contexts = contexts;
        _discord = discord;
        _writer = writer;
        _logger = logger;
    }

    /// <summary>Passes over every guild and window finished since the start.</summary>
    public long Passes => Interlocked.Read(ref _passes);

    /// <summary>Completes when the first pass since the start has finished (never, if none does).</summary>
    public Task FirstPass => _firstPass.Task;

    /// <summary>Another pass as soon as the current one (if any) ends.</summary>
    public void RetentionRan() => _requests.Writer.TryWrite(true);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The base cancels the pass, then waits for it until this token ends: a build that does not check its token
        // (a long statement, a held lock) is left to finish on its own instead of holding the host's stop.
        using var bounded = new CancellationTokenSource(StopWait, Time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bounded.Token);
        await base.StopAsync(either.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes the dashboard's calls for the guild's last <paramref name="days"/> days (as the dashboard asks them now),
    /// after the writer's queue has shrunk; returns how long the calls took.
    /// </summary>
    public async Task<TimeSpan> WarmAsync(ulong guildId, int days, CancellationToken cancellationToken)
    {
        await WaitForTheWriterAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var today = DayBucket.FromUnixMs(Time.GetUtcNow().ToUnixTimeMilliseconds());
        var query = new AnalyticsQuery(guildId, AnalyticsWindow.Last(days, today), AnalyticsQuery.DefaultTop, _discord.Value.IncludeBots);
        foreach (var card in _calls.Cards)
        {
            await card.Run(query, cancellationToken).ConfigureAwait(false);
            // Between calls, whatever else waits for a thread (a dashboard, the writer) goes first.
            await Task.Yield();
        }

        // A role picked asks the cards that follow it with the role: what every role reads of the guild is built first, then
        // the most held roles' figures.
        await _calls.SharedByRolesAsync(query, cancellationToken).ConfigureAwait(false);
        foreach (var role in await _calls.MostHeldRolesAsync(query, cancellationToken).ConfigureAwait(false))
        {
            foreach (var card in _calls.RoleCards)
            {
                await card.Run(query with { RoleId = role }, cancellationToken).ConfigureAwait(false);
                await Task.Yield();
            }
        }

        return clock.Elapsed;
    }

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            var clock = Stopwatch.StartNew();
            var guilds = await GuildsAsync(stoppingToken).ConfigureAwait(false);
            foreach (var (guild, _) in guilds)
            {
                foreach (var days in StandardWindows)
                {
                    var took = await WarmAsync((ulong)guild, days, stoppingToken).ConfigureAwait(false);
                    LogWarmed(_logger, guild, days, (long)took.TotalMilliseconds);
                }
            }

            foreach (var (guild, _) in guilds)
            {
                await ReadMemberDaysAsync(guild, stoppingToken).ConfigureAwait(false);
            }

            Interlocked.Increment(ref _passes);
            _firstPass.TrySetResult();
            var next = NextDayTurn(guilds.Select(g => g.Zone), Time.GetUtcNow());
            LogPassDone(_logger, guilds.Count, clock.ElapsedMilliseconds, next);
            await WaitForTurnOrRequestAsync(next, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>The guild's member days of the widest window a dashboard can ask for and its previous one.</summary>
    private async Task ReadMemberDaysAsync(long guildId, CancellationToken cancellationToken)
    {
        await WaitForTheWriterAsync(cancellationToken).ConfigureAwait(false);
        var today = DayBucket.FromUnixMs(Time.GetUtcNow().ToUnixTimeMilliseconds());
        await _memberDays.ReadAsync(guildId, today + 1 - (2 * AnalyticsQuery.MaxWindowDays), today + 1, _ => 0, cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitForTheWriterAsync(CancellationToken cancellationToken)
    {
        while (_writer is { QueueLength: > YieldAboveQueued })
        {
            await Task.Delay(YieldPoll, Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first instant after <paramref name="now"/> at which the UTC day or a guild's local day turns.</summary>
    public static DateTimeOffset NextDayTurn(IEnumerable<TimeZoneInfo> zones, DateTimeOffset now)
    {
        var next = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        foreach (var zone in zones)
        {
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var midnight = local.Date.AddDays(1);
            // A midnight skipped by a clock change: the day turns at the first valid instant after it.
            while (zone.IsInvalidTime(midnight))
            {
                midnight = midnight.AddMinutes(15);
            }

            var turn = new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
            if (turn > now && turn < next)
            {
                next = turn;
            }
        }

        return next;
    }

    private async Task WaitForTurnOrRequestAsync(DateTimeOffset next, CancellationToken stoppingToken)
    {
        var wait = next - Time.GetUtcNow();
        using var turned = new CancellationTokenSource(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, turned.Token);
        try
        {
            await _requests.Reader.ReadAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The day turned.
        }
    }

    private async Task<List<(long Guild, TimeZoneInfo Zone)>> GuildsAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var guilds = await db.Guilds.AsNoTracking().OrderBy(g => g.GuildId).Select(g => new { g.GuildId, g.TimeZone }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. guilds.Select(g => (g.GuildId, IanaTimeZones.Find(g.TimeZone) ?? TimeZoneInfo.Utc))];
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kept indexes of guild {GuildId}'s {Days}-day window built in {Milliseconds} ms")]
    private static partial void LogWarmed(ILogger logger, long guildId, int days, long milliseconds);

    /// <summary>What the end of a pass logs (at debug level): <c>bench memory --store</c> waits for it.</summary>
    public const string PassDoneText = "guilds' standard windows built in";

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kept indexes of {Guilds} " + PassDoneText + " {Milliseconds} ms; next pass at {Next} or after a retention run")]
    private static partial void LogPassDone(ILogger logger, int guilds, long milliseconds, DateTimeOffset next);
}
