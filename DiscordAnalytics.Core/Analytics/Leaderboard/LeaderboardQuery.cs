using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Analytics.Streaks;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// The leaderboard of a window: each member's messages, reactions and threads summed from the member days in memory
/// (<see cref="MemberDayIndex"/>), voice minutes from the voice rollups, and daily streaks over every stored day up to
/// today (<see cref="StreakCounter"/>; in the guild's time zone <see cref="LocalStreakCounter"/>), ranked by the guild's weighted activity score, messages, reactions or streak.
/// Hidden members are ranked but never named; forgotten members never appear.
/// </summary>
public sealed class LeaderboardQuery(IDbContextFactory<AnalyticsDbContext> contexts, MemberDayIndex memberDays, TimeProvider time)
{
    private const long MsPerMinute = 60_000;

    /// <summary>The local-day streaks' kept days (this query is a singleton, so they live as long as the app).</summary>
    internal LocalStreakDays LocalStreaks { get; } = new(contexts);

    /// <param name="leaveOutHidden">
    /// True for the public page: hidden members are left out altogether (not even an unnamed place), and the places are
    /// numbered among those shown.
    /// </param>
    public async Task<LeaderboardResult> RunAsync(AnalyticsQuery query, LeaderboardRanking by, CancellationToken cancellationToken, bool leaveOutHidden = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (rules, privacy, ranked) = await RankAsync(query, by, leaveOutHidden, cancellationToken);
        var guild = (long)query.GuildId;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = ranked.Where(c => privacy.IsListed(c.Member.User)).Select(c => c.Member.User).ToList();
        var names = await db.Members.AsNoTracking()
            .Where(m => m.GuildId == guild && ids.Contains(m.UserId))
            .ToDictionaryAsync(m => m.UserId, m => m.DisplayName, cancellationToken);

        var entries = ranked.Select((c, i) =>
        {
            var listed = privacy.IsListed(c.Member.User);
            return new LeaderboardEntry(
                i + 1,
                listed ? c.Member.User.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                listed ? Names.OrId(names.GetValueOrDefault(c.Member.User), c.Member.User) : null,
                !listed,
                c.Score,
                c.Member.Messages,
                c.Member.Reactions,
                c.Member.Threads,
                c.Voice,
                c.Member.CurrentStreak,
                c.Member.LongestStreak);
        }).ToList();
        return new LeaderboardResult(by, rules, entries);
    }

    /// <summary>
    /// The members ranked by <paramref name="by"/>, best first, with their ids whether hidden or not (forgotten members and,
    /// without IncludeBots, bots left out): the activity roles act on these, hidden members included.
    /// </summary>
    public async Task<IReadOnlyList<(long User, int CurrentStreak)>> RankedMembersAsync(AnalyticsQuery query, LeaderboardRanking by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (_, _, ranked) = await RankAsync(query, by, leaveOutHidden: false, cancellationToken);
        return [.. ranked.Select(c => (c.Member.User, c.Member.CurrentStreak))];
    }

    private async Task<(LeaderboardRules Rules, VisibleMembers Privacy, List<(Candidate Member, long Voice, double Score)> Ranked)> RankAsync(
        AnalyticsQuery query, LeaderboardRanking by, bool leaveOutHidden, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        var today = DayBucket.FromUnixMs(time.GetUtcNow().ToUnixTimeMilliseconds());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rules = await LeaderboardSettingsStore.RulesAsync(db, guild, cancellationToken);
        var privacy = await VisibleMembers.LoadAsync(db, guild, cancellationToken);
        var first = await db.MemberDayVersions.AsNoTracking()
            .Where(v => v.GuildId == guild && v.Day <= today)
            .MinAsync(v => (int?)v.Day, cancellationToken) ?? today;
        first = Math.Min(first, start);
        var last = Math.Max(today, end - 1);
        var voiceMs = await db.VoiceDays.AsNoTracking()
            .Where(r => r.GuildId == guild && r.Day >= start && r.Day < end)
            .GroupBy(r => r.UserId)
            .Select(g => new { User = g.Key, Ms = g.Sum(r => r.TalkMs + r.MutedMs + r.AloneMs) })
            .ToDictionaryAsync(x => x.User, x => x.Ms, cancellationToken);
        var botIds = bots
            ? []
            : await db.Members.AsNoTracking().Where(m => m.GuildId == guild && m.IsBot).Select(m => m.UserId).ToHashSetAsync(cancellationToken);

        var rows = await memberDays.ReadAsync(guild, first, last + 1, g => Collect(g, first, today, start, end, rules, bots), cancellationToken);

        var candidates = new Dictionary<long, Candidate>();
        foreach (var row in rows)
        {
            candidates[row.User] = row;
        }

        var zone = IanaTimeZones.Find(await db.Guilds.AsNoTracking().Where(g => g.GuildId == guild).Select(g => g.TimeZone).FirstOrDefaultAsync(cancellationToken));
        if (zone is not null && !LocalStreakCounter.IsUtc(zone))
        {
            await UseLocalStreaksAsync(candidates, guild, zone, first, rules, bots, cancellationToken);
        }

        foreach (var (user, ms) in voiceMs)
        {
            if (ms / MsPerMinute > 0 && !candidates.ContainsKey(user))
            {
                candidates[user] = new Candidate(user, IsBot: false, 0, 0, 0, 0, 0);
            }
        }

        var ranked = candidates.Values
            .Where(c => (bots || (!c.IsBot && !botIds.Contains(c.User))) && !privacy.IsForgotten(c.User))
            .Where(c => !leaveOutHidden || privacy.IsListed(c.User))
            .Select(c => (Member: c, Voice: voiceMs.GetValueOrDefault(c.User) / MsPerMinute))
            .Where(c => by == LeaderboardRanking.Streak
                ? c.Member.CurrentStreak > 0
                : c.Member.Messages > 0 || c.Member.Reactions > 0 || c.Member.Threads > 0 || c.Voice > 0)
            .Select(c => (c.Member, c.Voice, Score: Score(by, rules, c.Member, c.Voice)))
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => TieBreak(by, c.Member, c.Voice))
            .ThenBy(c => c.Member.User)
            .Take(query.Top)
            .ToList();
        return (rules, privacy, ranked);

    }

    /// <summary>
    /// Streak days are the guild's local days: the UTC days' streaks <see cref="Collect"/> counted are replaced by those of
    /// <see cref="LocalStreakDays"/>, and a member with a local streak but nothing else is added.
    /// </summary>
    private async Task UseLocalStreaksAsync(
        Dictionary<long, Candidate> candidates, long guild, TimeZoneInfo zone, int first, LeaderboardRules rules, bool bots, CancellationToken cancellationToken)
    {
        var local = await LocalStreaks.CountAsync(guild, zone, first, time.GetUtcNow().ToUnixTimeMilliseconds(), rules, bots, cancellationToken);
        foreach (var (user, candidate) in candidates)
        {
            var (current, longest) = local.GetValueOrDefault(user);
            candidates[user] = candidate with { CurrentStreak = current, LongestStreak = longest };
        }

        foreach (var (user, (current, longest)) in local)
        {
            candidates.TryAdd(user, new Candidate(user, IsBot: false, 0, 0, 0, current, longest));
        }
    }

    /// <summary>The score: the weighted sum (two decimals) or the count ranked by.</summary>
    private static double Score(LeaderboardRanking by, LeaderboardRules rules, Candidate c, long voiceMinutes) => by switch
    {
        LeaderboardRanking.Messages => c.Messages,
        LeaderboardRanking.Reactions => c.Reactions,
        LeaderboardRanking.Streak => c.CurrentStreak,
        _ => Math.Round(
            (c.Messages * rules.MessageWeight) + (c.Reactions * rules.ReactionWeight) + (c.Threads * rules.ThreadWeight) + (voiceMinutes * rules.VoiceMinuteWeight),
            2,
            MidpointRounding.AwayFromZero),
    };

    /// <summary>Equal scores: the longest streak for streaks, the other count for messages and reactions, messages for activity.</summary>
    private static long TieBreak(LeaderboardRanking by, Candidate c, long voiceMinutes) => by switch
    {
        LeaderboardRanking.Messages => c.Reactions,
        LeaderboardRanking.Reactions => c.Messages,
        LeaderboardRanking.Streak => c.LongestStreak,
        _ => c.Messages,
    };

    /// <summary>Under the guild's gate: every member with something in the window or a streak, by user id.</summary>
    private static List<Candidate> Collect(GuildMemberDays guild, int first, int today, int start, int end, LeaderboardRules rules, bool bots)
    {
        var (current, longest) = StreakCounter.Count(guild, first, today, rules, bots);
        var members = guild.MemberCount;
        var (messages, reactions, threads, isBot) = (new long[members], new long[members], new long[members], new bool[members]);
        for (var day = start; day < end; day++)
        {
            if (guild.Day(day) is not { } held)
            {
                continue;
            }

            for (var i = 0; i < held.Count; i++)
            {
                var member = held.MemberAt(i);
                isBot[member] |= held.IsBotAt(i);
                if (bots || !held.IsBotAt(i))
                {
                    (messages[member], reactions[member], threads[member]) =
                        (messages[member] + held.MessagesAt(i), reactions[member] + held.ReactionsAt(i), threads[member] + held.ThreadsAt(i));
                }
            }
        }

        var rows = new List<Candidate>();
        for (var member = 0; member < members; member++)
        {
            if (messages[member] != 0 || reactions[member] != 0 || threads[member] != 0 || current[member] > 0 || longest[member] > 0)
            {
                rows.Add(new Candidate(guild.UserAt(member), isBot[member] && !bots, messages[member], reactions[member], threads[member], current[member], longest[member]));
            }
        }

        return rows;
    }

    private sealed record Candidate(long User, bool IsBot, long Messages, long Reactions, long Threads, int CurrentStreak, int LongestStreak);
}
