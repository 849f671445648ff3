using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Analytics.Streaks;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// The leaderboard of a window: each member's messages, reactions and threads from the member days' kept window sums
/// (<see cref="MemberDayIndex"/>), voice minutes from the voice rollups, and daily streaks over every stored day up to
/// today (<see cref="KeptStreaks"/>: kept per member and counted again only when a day before today moved; in the
/// guild's time zone <see cref="LocalStreakDays"/>), ranked by the guild's weighted activity score, messages, reactions
/// or streak. Only the best places are kept while members are offered (<see cref="TopPlaces"/>), never a sort of all.
/// Hidden members are ranked but never named; forgotten members never appear.
/// </summary>
public sealed class LeaderboardQuery(IDbContextFactory<AnalyticsDbContext> contexts, MemberDayIndex memberDays, TimeProvider time)
{
    private const long MsPerMinute = 60_000;

    /// <summary>The local-day streaks' kept days (this query is a singleton, so they live as long as the app).</summary>
    internal LocalStreakDays LocalStreaks { get; } = new(contexts);

    private readonly KeptStreaks _streaks = new();
    private readonly BotMembers _bots = new();

    /// <summary>How many times the UTC streaks' days before today were counted (what the reload tests watch).</summary>
    internal long StreakCounts => _streaks.Counts;

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
        var botIds = bots ? [] : await _bots.OfAsync(db, guild, cancellationToken);

        var zone = IanaTimeZones.Find(await db.Guilds.AsNoTracking().Where(g => g.GuildId == guild).Select(g => g.TimeZone).FirstOrDefaultAsync(cancellationToken));
        var local = zone is not null && !LocalStreakCounter.IsUtc(zone)
            ? await LocalStreaks.CountAsync(guild, zone, first, time.GetUtcNow().ToUnixTimeMilliseconds(), rules, bots, cancellationToken)
            : null;

        var best = new TopPlaces(by, query.Top);
        void Offer(Candidate c)
        {
            if ((bots || (!c.IsBot && !botIds.Contains(c.User))) && !privacy.IsForgotten(c.User) && (!leaveOutHidden || privacy.IsListed(c.User)))
            {
                var voice = voiceMs.GetValueOrDefault(c.User) / MsPerMinute;
                if (by == LeaderboardRanking.Streak ? c.CurrentStreak > 0 : c.Messages > 0 || c.Reactions > 0 || c.Threads > 0 || voice > 0)
                {
                    best.Offer(c, voice, Score(by, rules, c, voice));
                }
            }
        }

        var known = await memberDays.ReadAsync(guild, first, last + 1, g => OfferIndexed(g, guild, first, today, start, end, rules, bots, local, voiceMs, Offer), cancellationToken);

        // Members the member days do not know of: with a local streak, or with voice time only.
        foreach (var (user, (current, longest)) in local ?? [])
        {
            if (known.Add(user))
            {
                Offer(new Candidate(user, IsBot: false, 0, 0, 0, current, longest));
            }
        }

        foreach (var (user, ms) in voiceMs)
        {
            if (ms / MsPerMinute > 0 && known.Add(user))
            {
                Offer(new Candidate(user, IsBot: false, 0, 0, 0, 0, 0));
            }
        }

        return (rules, privacy, best.Ranked());
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
    internal static long TieBreak(LeaderboardRanking by, Candidate c, long voiceMinutes) => by switch
    {
        LeaderboardRanking.Messages => c.Reactions,
        LeaderboardRanking.Reactions => c.Messages,
        LeaderboardRanking.Streak => c.LongestStreak,
        _ => c.Messages,
    };

    /// <summary>
    /// Under the guild's gate: offers every member the member days know who has something in the window or a streak
    /// (window numbers from the kept sums, <see cref="GuildMemberDays.Sums"/>; UTC streaks from <see cref="KeptStreaks"/>,
    /// replaced by <paramref name="local"/> ones when the guild's days are local ones), or a local streak or voice time
    /// only; returns the user ids offered.
    /// </summary>
    private HashSet<long> OfferIndexed(
        GuildMemberDays guild, long guildId, int first, int today, int start, int end, LeaderboardRules rules, bool bots,
        Dictionary<long, (int Current, int Longest)>? local, Dictionary<long, long> voiceMs, Action<Candidate> offer)
    {
        var streaks = _streaks.Count(guild, guildId, first, today, rules, bots);
        var members = guild.MemberCount;
        var (messages, reactions, threads) = (new int[members], new int[members], new int[members]);
        guild.Sums(start, end, bots).CopyTo(messages, reactions, threads);
        // Without bots, a member with a bot row in the window is left out whole.
        var isBot = bots ? null : new bool[members];
        for (var day = start; isBot is not null && day < end; day++)
        {
            if (guild.Day(day) is { } held)
            {
                for (var i = 0; i < held.Count; i++)
                {
                    isBot[held.MemberAt(i)] |= held.IsBotAt(i);
                }
            }
        }

        var known = new HashSet<long>();
        for (var member = 0; member < members; member++)
        {
            var (current, longest) = streaks.Of(member);
            var user = guild.UserAt(member);
            if (messages[member] != 0 || reactions[member] != 0 || threads[member] != 0 || current > 0 || longest > 0)
            {
                known.Add(user);
                (current, longest) = local is null ? (current, longest) : local.GetValueOrDefault(user);
                offer(new Candidate(user, isBot?[member] ?? false, messages[member], reactions[member], threads[member], current, longest));
            }
            else if (local is not null && local.TryGetValue(user, out var localStreak))
            {
                known.Add(user);
                offer(new Candidate(user, IsBot: false, 0, 0, 0, localStreak.Current, localStreak.Longest));
            }
            else if (voiceMs.GetValueOrDefault(user) / MsPerMinute > 0)
            {
                known.Add(user);
                offer(new Candidate(user, IsBot: false, 0, 0, 0, 0, 0));
            }
        }

        return known;
    }

    internal readonly record struct Candidate(long User, bool IsBot, long Messages, long Reactions, long Threads, int CurrentStreak, int LongestStreak);
}
