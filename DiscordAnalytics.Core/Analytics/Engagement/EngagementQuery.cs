using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Analytics.Engagement;

/// <summary>
/// DAU, WAU and MAU per UTC day of a window, exact, from the member days in memory (<see cref="MemberDayIndex"/>):
/// a member is active on a day they posted, reacted or talked with others in voice there (<see cref="MemberDays.MemberDay.IsActiveAt(int)"/>,
/// the activity chart's rule; bots only with IncludeBots; hidden members count, as in every number). A first read counts every day in one pass over the member-days of the
/// window and the 29 days before it (<see cref="EngagementPass"/>), so a year costs a pass over its member-days.
/// Each day's figures are kept with the versions of the 30 member days they were counted from, and reused while those
/// days are unchanged; a commit to one of them changes the figures only through the members whose activity on it
/// flipped (<see cref="HeldDayUpdate"/>), so a reload after a live or late event costs those members, not the window.
/// With a role filter (<see cref="AnalyticsQuery.RoleId"/>) only the members who held the role at any time in the window
/// count, on every day (<see cref="RoleHolders"/>, as every member-level number): the figures are kept the same way per
/// holder set (shared while the spans stand), counting only the holders (<see cref="HolderActivity.Mask"/>), so a reload
/// after a holder's message costs the members who flipped, not the holders.
/// </summary>
public sealed class EngagementQuery(MemberDayIndex memberDays, RoleHolders roleHolders)
{
    public const int WeekDays = 7;
    public const int MonthDays = 30;

    /// <summary>Per guild and bot rule, by day; read and written under the guild's member-days gate.</summary>
    private readonly ConcurrentDictionary<(long Guild, bool Bots), Dictionary<int, HeldEngagementDay>> _held = new();

    /// <summary>The same per holder set of a role filter (a set is one guild's), by bot rule; read and written under the guild's member-days gate.</summary>
    private readonly ConditionalWeakTable<HashSet<long>, ConcurrentDictionary<bool, Dictionary<int, HeldEngagementDay>>> _heldOfHolders = new();

    private long _daysCounted;

    /// <summary>How many days' figures were counted from the member days (not brought forward by who flipped) since it was made: what the tests watch.</summary>
    public long DaysCounted => Interlocked.Read(ref _daysCounted);

    public async Task<EngagementSeries> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (start, end, bots) = (query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        var first = start - (MonthDays - 1);
        if (query.RoleId is not null)
        {
            var holders = (await roleHolders.OfQueryAsync(query, query.Window.StartAt, query.Window.EndAt, cancellationToken))!;
            var (activity, ofHolders) = (roleHolders.ActivityOf(holders), _heldOfHolders.GetValue(holders, _ => new()).GetOrAdd(bots, _ => []));
            return new EngagementSeries(await memberDays.ReadAsync((long)query.GuildId, first, end, g => Read(g, ofHolders, start, end, bots, activity.Mask(g)), cancellationToken));
        }

        var held = _held.GetOrAdd(((long)query.GuildId, bots), _ => []);
        var days = await memberDays.ReadAsync((long)query.GuildId, first, end, g => Read(g, held, start, end, bots, only: null), cancellationToken);
        return new EngagementSeries(days);
    }

    /// <summary>
    /// The window's days from <paramref name="held"/> where their 30 member days are unchanged; the others counted again:
    /// one pass over the window when most changed or none was held (a first read), each on its own otherwise. With <paramref name="only"/>,
    /// the figures of a role's holders (true at the member-day index of each holder).
    /// </summary>
    private List<EngagementDay> Read(GuildMemberDays guild, Dictionary<int, HeldEngagementDay> held, int start, int end, bool bots, bool[]? only)
    {
        // A held day whose member days moved on is brought forward by who flipped on them; only what cannot be is counted again.
        var stale = new List<int>();
        for (var day = start; day < end; day++)
        {
            var versions = Versions(guild, day);
            if (!held.TryGetValue(day, out var kept))
            {
                stale.Add(day);
            }
            else if (!kept.Versions.AsSpan().SequenceEqual(versions))
            {
                if (HeldDayUpdate.Apply(guild, day, kept, versions, bots, only) is { } updated)
                {
                    held[day] = updated;
                }
                else
                {
                    stale.Add(day);
                }
            }
        }

        // A pass reads each of the window's member days and its 29 before once; a day on its own reads its 30 days, so a
        // first read (every day stale), even of a week, is one pass.
        if (stale.Count > WeekDays || stale.Count == end - start)
        {
            var first = start - (MonthDays - 1);
            Interlocked.Add(ref _daysCounted, end - start);
            foreach (var day in EngagementPass.Days(guild, first, start, end, bots, only))
            {
                var number = DayBucket.FromDate(day.Day);
                held[number] = new HeldEngagementDay(Versions(guild, number), day.Dau, day.Wau, day.Mau);
            }
        }
        else
        {
            foreach (var day in stale)
            {
                held[day] = Count(guild, day, bots, only);
                Interlocked.Increment(ref _daysCounted);
            }
        }

        return [.. Enumerable.Range(start, end - start).Select(day => new EngagementDay(DayBucket.ToDate(day), held[day].Dau, held[day].Wau, held[day].Mau))];
    }

    /// <summary>One day's figures on their own: the pass over its 30 member days (each read once).</summary>
    private static HeldEngagementDay Count(GuildMemberDays guild, int day, bool bots, bool[]? only)
    {
        var counted = EngagementPass.Days(guild, day - (MonthDays - 1), day, day + 1, bots, only)[0];
        return new HeldEngagementDay(Versions(guild, day), counted.Dau, counted.Wau, counted.Mau);
    }

    /// <summary>The versions of the member days <paramref name="day"/>'s figures are counted from (-1: not held).</summary>
    private static long[] Versions(GuildMemberDays guild, int day)
    {
        var versions = new long[MonthDays];
        for (var i = 0; i < MonthDays; i++)
        {
            versions[i] = guild.Day(day - (MonthDays - 1) + i)?.Version ?? -1;
        }

        return versions;
    }
}
