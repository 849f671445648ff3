using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Analytics.Mentors;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Loops.ActivityRoles;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Loops.ActivityRoles;

/// <summary>
/// A hand-built guild with known answers per rule kind, written through the real writer: Ada 5 messages (2 days ago),
/// Bo 4 messages and 3 reactions, Cy 6 messages 10 days ago, Di 45 minutes in voice yesterday, a bot with 10 messages.
/// Rules: messages &gt;= 5 / 7 days (Ada), reactions &gt;= 3 / 7 (Bo), voice minutes &gt;= 30 / 7 (Di), activity &gt;= 7 / 7
/// (Bo 4 + 3, Di 45), messages &gt;= 5 / 14 days (Ada, Cy).
/// </summary>
public static class ActivityRolesWorld
{
    public const ulong G = 9_100, General = 9_101, Lounge = 9_102, Help = 9_103;
    public const ulong Ada = 9_111, Bo = 9_112, Cy = 9_113, Di = 9_114, Bot = 9_119;
    public const long MessagesRole = 501, ReactionsRole = 502, VoiceRole = 503, ActivityRole = 504, LongMessagesRole = 505;

    public static IReadOnlyList<RoleRuleInput> Rules(bool enabled = true) =>
    [
        new(null, RoleRuleKind.Messages, 5, 7, MessagesRole, enabled),
        new(null, RoleRuleKind.Reactions, 3, 7, ReactionsRole, enabled),
        new(null, RoleRuleKind.VoiceMinutes, 30, 7, VoiceRole, enabled),
        new(null, RoleRuleKind.Activity, 7, 7, ActivityRole, enabled),
        new(null, RoleRuleKind.Messages, 5, 14, LongMessagesRole, enabled),
    ];

    /// <summary>The members each rule's role should go to, by role.</summary>
    public static readonly IReadOnlyDictionary<long, ulong[]> Expected = new Dictionary<long, ulong[]>
    {
        [MessagesRole] = [Ada],
        [ReactionsRole] = [Bo],
        [VoiceRole] = [Di],
        [ActivityRole] = [Bo, Di],
        [LongMessagesRole] = [Ada, Cy],
    };

    public static IReadOnlyList<IngestEvent> Events()
    {
        var events = new List<IngestEvent>
        {
            Guild(G, "roles", TestDays.NineOClock(30)),
            Channel(G, General, "general", TestDays.NineOClock(30)),
            Channel(G, Lounge, "lounge", TestDays.NineOClock(30), ChannelTypes.Voice),
            Member(G, Ada, "Ada", TestDays.NineOClock(30)),
            Member(G, Bo, "Bo", TestDays.NineOClock(30)),
            Member(G, Cy, "Cy", TestDays.NineOClock(30)),
            Member(G, Di, "Di", TestDays.NineOClock(30)),
            Member(G, Bot, "Bot", TestDays.NineOClock(30), bot: true),
        };
        var adas = Enumerable.Range(0, 5).Select(i => Message(G, General, Ada, TestDays.NineOClock(2) + (i * 60_000), (ulong)i)).ToList();
        events.AddRange(adas);
        events.AddRange(Enumerable.Range(0, 4).Select(i => Message(G, General, Bo, TestDays.NineOClock(2) + (i * 60_000), (ulong)(10 + i))));
        events.AddRange(adas.Take(3).Select(m => Reaction(G, General, m.MessageId!.Value, Bo, TestDays.NineOClock(1))));
        events.AddRange(Enumerable.Range(0, 6).Select(i => Message(G, General, Cy, TestDays.NineOClock(10) + (i * 60_000), (ulong)(20 + i))));
        events.AddRange(Enumerable.Range(0, 10).Select(i => Message(G, General, Bot, TestDays.NineOClock(1) + (i * 60_000), (ulong)(30 + i), bot: true)));
        events.Add(Voice(G, Di, Lounge, TestDays.NineOClock(1)));
        events.Add(Voice(G, Di, null, TestDays.NineOClock(1) + (45 * 60_000)));
        return events;
    }

    /// <summary>
    /// For the ranking kinds, on top of <see cref="Events"/>: a help channel where Cy asks twice and Ada answers both first
    /// (Bo replies to the first too), and Bo active on the last three days (a 3-day streak; nobody else has one).
    /// </summary>
    public static IReadOnlyList<IngestEvent> RankingEvents()
    {
        var question = Message(G, Help, Cy, TestDays.NineOClock(4), 40);
        return
        [
            Channel(G, Help, "help", TestDays.NineOClock(30)),
            question,
            Message(G, Help, Ada, TestDays.NineOClock(4) + (5 * 60_000), 41),
            Message(G, Help, Bo, TestDays.NineOClock(4) + (20 * 60_000), 42, replyTo: question.MessageId),
            Message(G, Help, Cy, TestDays.NineOClock(3), 43),
            Message(G, Help, Ada, TestDays.NineOClock(3) + (5 * 60_000), 44),
            Message(G, General, Bo, TestDays.NineOClock(1), 45),
            Message(G, General, Bo, TestDays.NineOClock(0), 46),
        ];
    }

    /// <summary>The activity-role services over <paramref name="store"/>, acting on <paramref name="roles"/> (the demo's roles unless given).</summary>
    public static (RoleRulesSettings Settings, RoleRulePreviewer Previewer, RoleRuleApplier Applier, RoleChangeLog Log) Services(
        TempSqliteStore store, FakeTimeProvider time, IMemberRoleActions? roles)
    {
        var planner = new RoleRulePlanner(store, time, new LeaderboardQuery(store, TestMemberDays.Over(store), time), new MentorsQuery(store));
        return (new RoleRulesSettings(store), new RoleRulePreviewer(store, planner),
            new RoleRuleApplier(store, planner, time, NullLogger<RoleRuleApplier>.Instance, roles), new RoleChangeLog(store));
    }

    public static DemoMemberRoles DemoRoles() => new();
}
