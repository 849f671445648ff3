using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Analytics.Streaks;
using DiscordAnalytics.Core.Analytics.Voice;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// The leaderboard of a window: each member's messages, reactions and threads from the member days' kept window sums
/// (<see cref="MemberDayIndex"/>), voice minutes from the held voice days (<see cref="LeaderboardVoice"/>), and daily
/// streaks over every stored day up to today: the days before the window as a few numbers a member counted from the store
/// (<see cref="ClosedStreaks"/>), the window's held days on top (<see cref="KeptStreaks"/>: counted again only when a
/// settled day moved; in the guild's time zone <see cref="LocalStreakDays"/>), so no member day before the window is
/// held for it, ranked by the guild's weighted activity
/// score, messages, reactions or streak. Never a pass over every member per call: the window's settled days are ranked once
/// and kept (<see cref="SettledBoard"/>), and a call ranks its last day's members (where live events land) on their own,
/// then walks the kept order only until it has its places; the streak ranking visits only the members counted yesterday
/// or today (nobody else has a current streak). Only the best places are kept while members are offered
/// (<see cref="TopPlaces"/>). Hidden members are ranked but never named; forgotten members never appear.
/// </summary>
public sealed class LeaderboardQuery(IDbContextFactory<AnalyticsDbContext> contexts, MemberDayIndex memberDays, VoiceDayIndex voiceDays, TimeProvider time)
{
    internal const long MsPerMinute = 60_000;

    /// <summary>Windows whose settled board is kept per guild: a dashboard's windows with and without bots.</summary>
    private const int KeptBoards = 8;

    /// <summary>A query over a voice day index of its own, which nothing tells the writer's commits: each read compares versions and reads what moved.</summary>
    public LeaderboardQuery(IDbContextFactory<AnalyticsDbContext> contexts, MemberDayIndex memberDays, TimeProvider time)
        : this(contexts, memberDays, new VoiceDayIndex(contexts, NullLogger<VoiceDayIndex>.Instance), time)
    {
    }

    /// <summary>The local-day streaks' kept days (this query is a singleton, so they live as long as the app).</summary>
    internal LocalStreakDays LocalStreaks { get; } = new(contexts);

    private readonly KeptStreaks _streaks = new();
    private readonly ClosedStreaks _closed = new(contexts);
    private readonly BotMembers _bots = new();
    private readonly LeaderboardVoice _voice = new(voiceDays);
    private readonly KeptPerWindow<(int Start, int End, bool Bots, LeaderboardRules Rules), SettledBoard> _boards = new(KeptBoards);
    private readonly KeptPerWindow<(int Start, int Recent, int End, bool Bots, LeaderboardRules Rules, LeaderboardRanking By), RecentBoard> _recentBoards =
        new(KeptBoards * 3);
    private long _recentScored;

    /// <summary>How many times the UTC streaks' settled days were counted (what the reload tests watch).</summary>
    internal long StreakCounts => _streaks.Counts;

    /// <summary>The closed past's UTC streak state, counted from the store (what the reload tests watch).</summary>
    internal ClosedStreaks ClosedStreaks => _closed;

    /// <summary>The closed past's state the last call stood on (what the ground-truth tests check member by member).</summary>
    internal ClosedStreakState? LastClosed { get; private set; }

    /// <summary>How many times a window's settled days were ranked (what the reload tests watch).</summary>
    internal long BoardsMade => _boards.Made;

    /// <summary>How many recent members were scored for the recent boards (a live event's members only, once a board is kept).</summary>
    internal long RecentScored => Interlocked.Read(ref _recentScored);

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
        var names = await Names.OfMembersAsync(db, guild, ids, cancellationToken);

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
        // The guild's time zone and its member days' versions before today (the first is the guild's first day; the closed
        // past's state is checked against them): one statement (portable SQL), not one each.
        var rows = await db.Database.SqlQuery<VersionOrZone>($"""
            SELECT NULL AS "Day", NULL AS "Version", timeZone AS "TimeZone" FROM guilds WHERE guildId = {guild}
            UNION ALL
            SELECT day, version, NULL FROM memberDayVersions WHERE guildId = {guild} AND day < {today}
            """).ToListAsync(cancellationToken);
        var versions = rows.Where(r => r.Day is not null).ToDictionary(r => r.Day!.Value, r => r.Version ?? 0);
        var stored = new StoredDayVersions(versions.Count > 0 ? versions.Keys.Min() : today, today, versions);
        var timeZone = rows.FirstOrDefault(r => r.Day is null)?.TimeZone;
        var first = Math.Min(stored.First, start);
        var last = Math.Max(today, end - 1);
        // Live events land on today, and on yesterday (a reaction to yesterday's message, the last minutes before midnight):
        // the window's days before yesterday are its settled ones, ranked once and kept.
        var recent = Math.Clamp(today - 1, start, Math.Max(start, end));
        // Member days are held from the window's start only (yesterday at the latest, for the current streak): the days
        // before are the closed past, whose streaks are kept as a few numbers a member (ClosedStreaks), not as days.
        var cut = Math.Min(start, today - 1);
        // From the guild's first day whatever the window, so every window's cut shares one count of the past.
        var closed = await _closed.UpToAsync(guild, stored, cut, rules, bots, cancellationToken);
        var voice = await _voice.OfAsync(guild, start, recent, end, cancellationToken);
        var botIds = bots ? [] : await _bots.OfAsync(db, guild, cancellationToken);

        var zone = IanaTimeZones.Find(timeZone);
        var local = zone is not null && !LocalStreakCounter.IsUtc(zone)
            ? await LocalStreaks.CountAsync(guild, zone, first, time.GetUtcNow().ToUnixTimeMilliseconds(), rules, bots, cancellationToken)
            : null;

        var best = new TopPlaces(by, query.Top);

        // Offers the member when they pass the filters and have what the ranking counts.
        void Offer(Candidate c, long voiceMinutes)
        {
            if ((bots || (!c.IsBot && !botIds.Contains(c.User))) && !privacy.IsForgotten(c.User) && (!leaveOutHidden || privacy.IsListed(c.User))
                && (by == LeaderboardRanking.Streak ? c.CurrentStreak > 0 : c.Messages > 0 || c.Reactions > 0 || c.Threads > 0 || voiceMinutes > 0))
            {
                best.Offer(c, voiceMinutes, Score(by, rules, c, voiceMinutes));
            }
        }

        await memberDays.ReadAsync(
            db,
            guild,
            cut,
            last + 1,
            g =>
            {
                var settled = g.Closed(start, recent, bots);
                var board = _boards.GetOrMake(guild, (start, recent, bots, rules), b => b.IsCurrent(g, voice.Settled), () => SettledBoard.Make(g, settled, bots, rules, voice.Settled));
                var window = new WindowMembers(g, settled, recent, end, _streaks.Count(g, guild, closed, today, rules, bots), board.BotRows, local, bots);
                if (by == LeaderboardRanking.Streak)
                {
                    OfferStreaks(window, local, voice, best, Offer);
                }
                else
                {
                    // Following the recent days' commits scores only the members they touched (this runs under the guild's gate).
                    var recentBoard = _recentBoards.GetOrMake(
                        guild,
                        (start, recent, end, bots, rules, by),
                        r => r.CatchUp(window, board, voice),
                        () => RecentBoard.Make(window, board, by, rules, voice));
                    Interlocked.Add(ref _recentScored, recentBoard.TakeScored());
                    OfferWindow(window, board, recentBoard, by, rules, voice, best, Offer);
                }

                return 0;
            },
            cancellationToken);

        LastClosed = closed;
        return (rules, privacy, best.Ranked());
    }

    /// <summary>
    /// Members with a current streak: those counted yesterday or today (UTC days), or the local streaks' with one. Only
    /// those who would be kept are looked at further.
    /// </summary>
    private static void OfferStreaks(
        WindowMembers window, Dictionary<long, (int Current, int Longest)>? local, LeaderboardVoice.Window voice, TopPlaces best, Action<Candidate, long> offer)
    {
        if (local is null)
        {
            foreach (var (member, current, longest) in window.Streaks.Current())
            {
                var user = window.Guild.UserAt(member);
                if (best.Beats(current, longest, user))
                {
                    offer(window.Of(member, user), voice.MinutesOf(user));
                }
            }

            return;
        }

        foreach (var (user, (current, longest)) in local)
        {
            if (current > 0 && best.Beats(current, longest, user))
            {
                offer(window.Of(window.Guild.TryIndexOf(user, out var member) ? member : -1, user), voice.MinutesOf(user));
            }
        }
    }

    /// <summary>
    /// The members of the window's recent days (their kept <see cref="RecentBoard"/>, voice rows) ranked as they are now, then the settled board's
    /// members in its order, each not on a recent day, until one would not be kept: anyone after it ranks lower still.
    /// </summary>
    private static void OfferWindow(
        WindowMembers window, SettledBoard board, RecentBoard recent, LeaderboardRanking by, LeaderboardRules rules, LeaderboardVoice.Window voice, TopPlaces best,
        Action<Candidate, long> offer)
    {
        // Whether the member, with these numbers, would be kept: most are not, and need no more than this.
        bool Beats(long user, long messages, long reactions, long threads, long minutes)
        {
            var numbers = new Candidate(user, IsBot: false, messages, reactions, threads, 0, 0);
            return best.Beats(Score(by, rules, numbers, minutes), TieBreak(by, numbers, minutes), user);
        }

        // The recent members in their kept order, until one would not be kept: anyone after it ranks lower still.
        var voiceScores = by == LeaderboardRanking.Activity && rules.VoiceMinuteWeight != 0;
        foreach (var place in recent.InOrder())
        {
            if (!best.Beats(place.Score, place.TieBreak, place.User))
            {
                break;
            }

            offer(window.Of(place.Member, place.User), voiceScores ? place.Minutes : voice.MinutesOf(place.User));
        }

        foreach (var user in voice.Live.Keys)
        {
            var known = window.Guild.TryIndexOf(user, out var member);
            if (!known || !window.IsRecent(member))
            {
                var candidate = window.Of(known ? member : -1, user);
                var minutes = voice.MinutesOf(user);
                if (Beats(user, candidate.Messages, candidate.Reactions, candidate.Threads, minutes))
                {
                    offer(candidate, minutes);
                }
            }
        }

        // The settled numbers first: a member on a recent day has at least those (counts only add, weights are never
        // negative), so once an entry's settled numbers would not be kept, no later entry's would, recent or not. Before,
        // the walk looked up every recent member it passed, and the busiest members are on the recent days.
        foreach (var entry in board.InOrder(by))
        {
            var minutes = entry.VoiceMs / MsPerMinute;
            if (!Beats(entry.User, entry.Messages, entry.Reactions, entry.Threads, minutes))
            {
                break;
            }

            var member = entry.Member >= 0 ? entry.Member : window.Guild.TryIndexOf(entry.User, out var indexed) ? indexed : -1;
            if ((member >= 0 && window.IsRecent(member)) || voice.IsLive(entry.User))
            {
                continue;
            }

            offer(window.Of(member, entry.User), minutes);
        }
    }

    /// <summary>The score: the weighted sum (two decimals) or the count ranked by.</summary>
    internal static double Score(LeaderboardRanking by, LeaderboardRules rules, Candidate c, long voiceMinutes) => by switch
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

    /// <summary>A row of the call's first statement: a member day's stored version, or (no day) the guild's time zone's name (null: UTC).</summary>
    private sealed record VersionOrZone(int? Day, long? Version, string? TimeZone);

    internal readonly record struct Candidate(long User, bool IsBot, long Messages, long Reactions, long Threads, int CurrentStreak, int LongestStreak);
}
