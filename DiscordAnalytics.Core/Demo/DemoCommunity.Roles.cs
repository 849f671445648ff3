using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// The demo's roles: moderators (the staff), bots (the bots), subscribers (about a third of the founders, most staying
/// month after month, some dropping out and coming back) and newcomers (every joiner for their first week). Who holds
/// what is a pure function of (member, time), so any range of days regenerates the same role changes.
/// </summary>
public sealed partial class DemoCommunity
{
    /// <summary>How long a joiner is a newcomer.</summary>
    internal const long NewcomerMs = GeneratedRoles.NewcomerMs;

    /// <summary>Subscriptions are decided per period of this many days; a change happens on a period's first day.</summary>
    internal const int SubscriptionPeriodDays = GeneratedRoles.SubscriptionPeriodDays;

    /// <summary>The demo's roles: id, name, color, position (highest first in Discord).</summary>
    public IReadOnlyList<(ulong Id, string Name, int Color, int Position)> Roles => GeneratedRoles.With(RoleId);

    private ulong RoleId(int index) => DemoIds.Make(GuildCreatedAt + 2 * DemoRhythm.DayMs, DemoIds.StructureWorker, 2, index);

    internal IEnumerable<IngestEvent> RoleUpserts(long at) => GeneratedRoles.Upserts(GuildId, at, Roles);

    /// <summary>The roles <paramref name="member"/> holds at <paramref name="at"/> (a joiner: <paramref name="joinedAt"/> set).</summary>
    internal RoleIdList RolesOf(DemoMember member, long at, long? joinedAt = null)
    {
        var roles = new List<ulong>(2);
        if (member.IsBot)
        {
            roles.Add(RoleId(GeneratedRoles.Bots));
            return roles;
        }

        if (member.IsStaff)
        {
            roles.Add(RoleId(GeneratedRoles.Moderators));
        }

        if (joinedAt is null && IsSubscriber(member, Math.DivRem(at, DemoRhythm.DayMs).Quotient / SubscriptionPeriodDays))
        {
            roles.Add(RoleId(GeneratedRoles.Subscribers));
        }

        if (joinedAt is { } joined && at < joined + NewcomerMs)
        {
            roles.Add(RoleId(GeneratedRoles.Newcomers));
        }

        return roles;
    }

    /// <summary>A founder in the subscriber pool (every third by id) subscribes in nine periods of ten.</summary>
    private bool IsSubscriber(DemoMember member, long period) =>
        member.Id % 3 == 0 && new DemoRandom(Seed, period, (int)(member.Id % 1_000_003)).Next(10) != 0;

    /// <summary>Founders whose subscription changes on <paramref name="day"/> (the first day of a period), with their new roles, at a time of that day.</summary>
    internal IEnumerable<IngestEvent> SubscriptionChanges(long day)
    {
        if (day % SubscriptionPeriodDays != 0)
        {
            yield break;
        }

        var period = day / SubscriptionPeriodDays;
        foreach (var member in _members.Where(m => !m.IsBot && IsSubscriber(m, period) != IsSubscriber(m, period - 1)))
        {
            var at = day * DemoRhythm.DayMs + (long)(member.Id % 86_400) * 1000;
            yield return MemberRolesChanged(at, member, RolesOf(member, at));
        }
    }

    internal IngestEvent MemberRolesChanged(long at, DemoMember member, RoleIdList roles) =>
        new() { Type = IngestEventType.MemberUpsert, GuildId = GuildId, EventAt = at, UserId = member.Id, Name = member.Name, IsBot = member.IsBot, RoleIds = roles };
}
