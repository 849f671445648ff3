using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo.Large;

/// <summary>
/// The large community's roles, so the role filter is measured at full size: moderators (one founder in a thousand,
/// the most active ones), subscribers (one founder in eight, each subscribing in nine periods of ten, changing on a
/// period's first day), newcomers (every joiner for their first week) and bots. Who holds what is a pure function of
/// (member, time), like the demo's.
/// </summary>
public sealed partial class LargeCommunity
{
    /// <summary>How long a joiner is a newcomer.</summary>
    internal const long NewcomerMs = 7 * DemoRhythm.DayMs;

    /// <summary>Subscriptions are decided per period of this many days; a change happens on a period's first day.</summary>
    internal const int SubscriptionPeriodDays = 30;

    /// <summary>The roles: id, name, color, position (highest first in Discord).</summary>
    public IReadOnlyList<(ulong Id, string Name, int Color, int Position)> Roles =>
    [
        (RoleId(0), "moderators", 0xE67E22, 4),
        (RoleId(1), "subscribers", 0x9B59B6, 3),
        (RoleId(2), "newcomers", 0x2ECC71, 2),
        (RoleId(3), "bots", 0x95A5A6, 1),
    ];

    internal ulong ModeratorsRole => RoleId(0);

    internal ulong SubscribersRole => RoleId(1);

    internal ulong NewcomersRole => RoleId(2);

    private int Moderators => Math.Max(2, Scale.Members / 1000);

    private ulong RoleId(int index) => Snowflake.FromUnixMs(GuildCreatedAt + 2 * DemoRhythm.DayMs) + (ulong)index + 1;

    private IEnumerable<IngestEvent> RoleUpserts(long at) => Roles.Select(r => new IngestEvent
    {
        Type = IngestEventType.RoleUpsert,
        GuildId = GuildId,
        EventAt = at,
        RoleId = r.Id,
        Name = r.Name,
        Role = new RoleDetails(r.Color, r.Position, Managed: false),
    });

    /// <summary>The roles founding member <paramref name="rank"/> holds on <paramref name="day"/>.</summary>
    internal RoleIdList FounderRoles(int rank, long day)
    {
        var roles = new List<ulong>(2);
        if (rank < Moderators)
        {
            roles.Add(ModeratorsRole);
        }

        if (IsSubscriber(rank, day / SubscriptionPeriodDays))
        {
            roles.Add(SubscribersRole);
        }

        return roles;
    }

    /// <summary>Founders whose subscription changes on <paramref name="day"/> (a period's first day), with their new roles, at a time of that day.</summary>
    internal IEnumerable<LargeDayEvent> SubscriptionChanges(long day)
    {
        if (day % SubscriptionPeriodDays != 0)
        {
            yield break;
        }

        var period = day / SubscriptionPeriodDays;
        for (var rank = 3; rank < Scale.Members; rank += 8)
        {
            if (IsSubscriber(rank, period) == IsSubscriber(rank, period - 1))
            {
                continue;
            }

            var at = day * DemoRhythm.DayMs + (long)(rank % 86_400) * 1000;
            var change = new IngestEvent { Type = IngestEventType.MemberUpsert, GuildId = GuildId, EventAt = at, UserId = MemberId(rank), Name = $"member-{rank + 1}", RoleIds = FounderRoles(rank, day) };
            yield return new LargeDayEvent(at, (day << 32) | 0x8000_0000u | (uint)rank, change);
        }
    }

    /// <summary>One founder in eight (ranks 3, 11, 19, ...) is in the subscriber pool and subscribes in nine periods of ten.</summary>
    private bool IsSubscriber(int rank, long period) =>
        rank % 8 == 3 && new DemoRandom(Seed, period, rank, 20).Next(10) != 0;
}
