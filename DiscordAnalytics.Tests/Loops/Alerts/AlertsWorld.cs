using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Loops.Alerts;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Loops.Alerts;

/// <summary>
/// A guild with a help forum, a help text channel, a general channel and the channel alerts go to, written through the
/// real writer; helpers that ask in a thread or the help channel and answer; and the alert services over a store,
/// posting through a real REST client to the loopback emulator.
/// </summary>
public static class AlertsWorld
{
    public const ulong G = 9_200, Forum = 9_201, Help = 9_202, General = 9_203, AlertChannel = 9_204;
    public const ulong Asker = 9_211, Helper = 9_212;
    public const long Role = 9_250;
    public const long Hour = 3_600_000;

    /// <summary>The asker's name and the excerpt of every question: neither may ever reach an alert.</summary>
    public const string AskerName = "Zelda Quintessa", Secret = "my secret password question";

    public static IngestEvent[] Setup() =>
    [
        Guild(G, "alerts", TestDays.NineOClock(30)),
        Channel(G, Forum, "ask-anything", TestDays.NineOClock(30), ChannelTypes.Forum),
        Channel(G, Help, "help", TestDays.NineOClock(30)),
        Channel(G, General, "general", TestDays.NineOClock(30)),
        Channel(G, AlertChannel, "mod-alerts", TestDays.NineOClock(30)),
        Member(G, Asker, AskerName, TestDays.NineOClock(30)),
        Member(G, Helper, "Helper", TestDays.NineOClock(30)),
    ];

    /// <summary>Settings with alerts on, posted in <see cref="AlertChannel"/> mentioning <see cref="Role"/>; every kind off unless set.</summary>
    public static AlertSettingsInput Settings(bool unanswered = false, int hours = 4, bool backlog = false, int threshold = 10, bool drop = false, int percent = 50, int days = 1, int? quietStart = null, int? quietEnd = null) =>
        new(true, (long)AlertChannel, Role, unanswered, hours, backlog, threshold, drop, percent, days, quietStart, quietEnd);

    /// <summary>A forum post by the asker at <paramref name="at"/>: its id (a snowflake of its time) is its first message's.</summary>
    public static (ulong Thread, IngestEvent[] Events) Ask(long at, ulong n)
    {
        var thread = MessageId(at, n);
        return (thread,
        [
            Thread(G, Forum, thread, Asker, "question", at),
            new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = G, ChannelId = thread, MessageId = thread, UserId = Asker, EventAt = at, Excerpt = Secret },
        ]);
    }

    public static IngestEvent Answer(ulong thread, long at, ulong n) => Message(G, thread, Helper, at, n);

    /// <summary>The alert services over <paramref name="store"/>, posting to <paramref name="emulator"/> with <paramref name="clock"/> as the alerts' time.</summary>
    public static (AlertSettingsStore Settings, AlertRunner Runner, AlertPreviewer Previewer, AlertHistoryLog History) Services(
        TempSqliteStore store, TimeProvider clock, Emulator emulator)
    {
        // The REST client waits its backoff in real time (short here); the alerts read the test's clock.
        var rest = new DiscordRestClient(
            new HttpClient(),
            Options.Create(new DiscordOptions { Token = "alerts-test-token", ApiBaseUrl = emulator.ApiBaseUrl }),
            TimeProvider.System,
            NullLogger<DiscordRestClient>.Instance,
            new DiscordRestOptions { ServerErrorBaseDelay = TimeSpan.FromMilliseconds(10), MaxAttempts = 2 });
        var evaluator = new AlertEvaluator(store, Options.Create(new DiscordOptions()));
        return (new AlertSettingsStore(store), new AlertRunner(store, evaluator, clock, NullLogger<AlertRunner>.Instance, new DiscordAlertPoster(rest)),
            new AlertPreviewer(store, evaluator, clock), new AlertHistoryLog(store));
    }
}
