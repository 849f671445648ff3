using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// The roles both generated communities (the demo, the benchmark's large one) hold, in this order: moderators,
/// subscribers, newcomers (a joiner's first week), bots; and the rhythm of their changes. Each community gives the ids.
/// </summary>
internal static class GeneratedRoles
{
    /// <summary>How long a joiner is a newcomer.</summary>
    public const long NewcomerMs = 7 * DemoRhythm.DayMs;

    /// <summary>Subscriptions are decided per period of this many days; a change happens on a period's first day.</summary>
    public const int SubscriptionPeriodDays = 30;

    public const int Moderators = 0;
    public const int Subscribers = 1;
    public const int Newcomers = 2;
    public const int Bots = 3;

    /// <summary>The roles with the ids <paramref name="roleId"/> gives by index: id, name, color, position (highest first in Discord).</summary>
    public static IReadOnlyList<(ulong Id, string Name, int Color, int Position)> With(Func<int, ulong> roleId) =>
    [
        (roleId(Moderators), "moderators", 0xE67E22, 4),
        (roleId(Subscribers), "subscribers", 0x9B59B6, 3),
        (roleId(Newcomers), "newcomers", 0x2ECC71, 2),
        (roleId(Bots), "bots", 0x95A5A6, 1),
    ];

    /// <summary>One upsert per role, stamped <paramref name="at"/>.</summary>
    public static IEnumerable<IngestEvent> Upserts(ulong guildId, long at, IEnumerable<(ulong Id, string Name, int Color, int Position)> roles) =>
        roles.Select(r => new IngestEvent
        {
            Type = IngestEventType.RoleUpsert,
            GuildId = guildId,
            EventAt = at,
            RoleId = r.Id,
            Name = r.Name,
            Role = new RoleDetails(r.Color, r.Position, Managed: false),
        });
}
