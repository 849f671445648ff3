using System.Collections.Concurrent;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Streaks;

/// <summary>
/// Each member's UTC-day streak state over a guild's closed past (every stored day from its first up to a cut day, the
/// first day a caller holds in memory), kept as a few numbers a member (<see cref="ClosedStreakState"/>) instead of the
/// days themselves, so the leaderboard needs no member day before its window and memory does not grow with a guild's
/// history. Counted once from the store (one read that streams the member rollups in day order), then brought forward
/// from the store day by day as the cut moves (only the days crossed). Kept per guild, streak rules and bots, a few cuts
/// each (a dashboard's windows start on different days), with the version (<c>memberDayVersions</c>) of every day counted:
/// every change that can move a day's streak days (a late message or reaction on a closed day, a delete, a forget, voice
/// time) steps that version in the writer's transaction, so each call compares the stored versions (read by the caller
/// in a statement it makes anyway, <see cref="StoredDayVersions"/>) and counts again from the store when one moved
/// (never a stale figure).
/// </summary>
internal sealed class ClosedStreaks(IDbContextFactory<AnalyticsDbContext> contexts)
{
    /// <summary>Cuts kept per guild, rules and bots: the standard windows' starts and a custom range's.</summary>
    private const int KeptCuts = 4;

    private readonly ConcurrentDictionary<(long Guild, bool Messages, bool Reactions, bool Voice, bool Bots), Held> _held = new();
    private long _daysRead;
    private long _counts;

    /// <summary>Days read from the store since start (a first count's every day, then only the days a cut crossed).</summary>
    public long DaysRead => Interlocked.Read(ref _daysRead);

    /// <summary>How many times a state was counted from the guild's first day (a first call or a moved closed day).</summary>
    public long Counts => Interlocked.Read(ref _counts);

    /// <summary>
    /// The state after days <paramref name="stored"/>'s first to <paramref name="cut"/> (excluded) as they are stored now
    /// (none counted when <paramref name="cut"/> is not after the first day: its cut is then the first day). Versions
    /// <paramref name="stored"/> does not cover (a cut kept from a later clock) are read here.
    /// </summary>
    public async Task<ClosedStreakState> UpToAsync(long guild, StoredDayVersions stored, int cut, LeaderboardRules rules, bool bots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(rules);

        // A window reaching back before the first day has no closed past: an empty state, kept like any other, so the
        // held days counted on top of it are not counted again on every call.
        var first = stored.First;
        cut = Math.Max(cut, first);
        var held = _held.GetOrAdd((guild, rules.StreakMessages, rules.StreakReactions, rules.StreakVoice, bots), _ => new Held());
        await held.Gate.WaitAsync(cancellationToken);
        try
        {
            // Every kept cut's days, not only the asked one's: a state checked against fewer days would look moved.
            var end = Math.Max(cut, held.States.Select(s => s.Cut).DefaultIfEmpty(cut).Max());
            var versions = stored.Covers(end) ? stored.Versions : await VersionsAsync(guild, first, end, cancellationToken);

            // Any kept state whose counted days moved (or that starts elsewhere) is wrong from then on: dropped. The
            // versions may be a moment older than the gate: a state counted since is then dropped and counted again.
            held.States.RemoveAll(s => s.First != first || !s.IsCurrent(versions));
            var kept = held.States.FirstOrDefault(s => s.Cut == cut);
            if (kept is null)
            {
                var from = held.States.Where(s => s.Cut < cut).MaxBy(s => s.Cut);
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                kept = await CountAsync(db, guild, from ?? ClosedStreakState.Empty(first), cut, rules, bots, cancellationToken);
                if (from is null)
                {
                    Interlocked.Increment(ref _counts);
                }

                // A day that moved while it was read is counted again on the next call (its version is the one read with it).
                held.States.Add(kept);
                if (held.States.Count > KeptCuts)
                {
                    held.States.Remove(held.States.Where(s => s != kept).MinBy(s => s.LastUsed)!);
                }
            }

            kept.LastUsed = Interlocked.Increment(ref held.Uses);
            return kept;
        }
        finally
        {
            held.Gate.Release();
        }
    }

    private async Task<Dictionary<int, long>> VersionsAsync(long guild, int first, int end, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LocalStreakDays.StoredVersionsAsync(db, guild, first, end, cancellationToken);
    }

    /// <summary>
    /// <paramref name="from"/> brought forward over the stored days from its cut to <paramref name="cut"/>, read with their
    /// versions in one read snapshot (<see cref="ReadSnapshot"/>), so the rows and the versions kept agree.
    /// </summary>
    private async Task<ClosedStreakState> CountAsync(
        AnalyticsDbContext db, long guild, ClosedStreakState from, int cut, LeaderboardRules rules, bool bots, CancellationToken cancellationToken)
    {
        var state = from.BringForward(cut);
        await ReadSnapshot.RunAsync(
            db,
            async snapshot =>
            {
                foreach (var (day, version) in await LocalStreakDays.StoredVersionsAsync(db, guild, from.Cut, cut, cancellationToken))
                {
                    state.SetVersion(day, version);
                }

                await using var command = ReadSnapshot.DaysCommand(db, snapshot, RowsSql, guild, from.Cut, cut);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var counted = (rules.StreakMessages && reader.GetInt64(3) > 0) || (rules.StreakReactions && reader.GetInt64(4) > 0) || (rules.StreakVoice && reader.GetInt64(5) > 0);
                    if (counted && (bots || !reader.GetBoolean(2)))
                    {
                        state.Count(reader.GetInt64(1), reader.GetInt32(0));
                    }
                }

                return true;
            },
            cancellationToken);
        Interlocked.Add(ref _daysRead, cut - from.Cut);
        return state.Done();
    }

    /// <summary>A guild's member rollups of a range of days in day order (portable SQL), with what a streak day counts.</summary>
    private const string RowsSql = """
        SELECT day, userId, isBot, messagesSent, reactionsAdded, talkMs
        FROM memberDailyRollups
        WHERE guildId = @guild AND day >= @start AND day < @end
        ORDER BY day, userId
        """;

    /// <summary>The kept cuts of one guild, rules and bots, used under <see cref="Gate"/>.</summary>
    private sealed class Held
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public List<ClosedStreakState> States { get; } = [];

        public long Uses;
    }
}
