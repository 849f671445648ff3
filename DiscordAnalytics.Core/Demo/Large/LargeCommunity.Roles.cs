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
    /// <summary>The roles: id, name, color, position (highest first in Discord).</summary>
    public IReadOnlyList<(ulong Id, string Name, int Color, int Position)> Roles => GeneratedRoles.With(RoleId);

    internal ulong ModeratorsRole => RoleId(GeneratedRoles.Moderators);

    internal ulong SubscribersRole => RoleId(GeneratedRoles.Subscribers);

    internal ulong NewcomersRole => RoleId(GeneratedRoles.Newcomers);

    internal ulong BotsRole => RoleId(GeneratedRoles.Bots);

    private int Moderators => Math.Max(2, Scale.Members / 1000);

    private ulong RoleId(int index) => Snowflake.FromUnixMs(GuildCreatedAt + 2 * DemoRhythm.DayMs) + (ulong)index + 1;

    private IEnumerable<IngestEvent> RoleUpserts(long at) => GeneratedRoles.Upserts(GuildId, at, Roles);

    /// <summary>The roles founding member <paramref name="rank"/> holds on <paramref name="day"/>.</summary>
    internal RoleIdList FounderRoles(int rank, long day)
    {
        var roles = new List<ulong>(2);
        if (rank < Moderators)
        {
            roles.Add(ModeratorsRole);
        }

        if (IsSubscriber(rank, day / GeneratedRoles.SubscriptionPeriodDays))
        {
            roles.Add(SubscribersRole);
        }

        return roles;
    }

    /// <summary>Founders whose subscription changes on <paramref name="day"/> (a period's first day), with their new roles, at a time of that day.</summary>
    internal IEnumerable<LargeDayEvent> SubscriptionChanges(long day)
    {
        if (day % GeneratedRoles.SubscriptionPeriodDays != 0)
        {
            yield break;
        }

        var period = day / GeneratedRoles.SubscriptionPeriodDays;
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
