using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// What the support signal tests share: a real store (SQLite or PostgreSQL) with a forum, a help channel and a plain
/// channel, written by the real writer, and helpers that post threads, replies and channel messages.
/// </summary>
public abstract class SupportSignalsTestBase(StoreProvider provider) : IAsyncLifetime
{
    protected const ulong G = 7_000;
    protected const ulong Forum = 101;
    protected const ulong Support = 102;
    protected const ulong General = 103;
    protected const ulong Asker = 501;
    protected const ulong Helper = 502;
    protected const ulong Bot = 503;
    protected const long Minute = 60_000;
    protected const long Hour = 60 * Minute;
    protected static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    protected static readonly long NowMs = Now.ToUnixTimeMilliseconds();
    protected static readonly long Monday = new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    protected TempSqliteStore Store { get; private set; } = null!;
    private ulong _next = 1;

    public async Task InitializeAsync()
    {
        Store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        await Store.WriteAsync(
            Guild(G, "Help Guild", Monday - (30 * 24 * Hour)),
            Channel(G, Forum, "ideas", Monday - (30 * 24 * Hour), type: 15),
            Channel(G, Support, "Customer-SUPPORT", Monday - (30 * 24 * Hour)),
            Channel(G, General, "general", Monday - (30 * 24 * Hour)));
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();

    protected async Task<SupportSignals> RunAsync(bool includeBots = false, int top = 10)
    {
        var query = new SupportSignalsQuery(Store, new FakeTimeProvider(Now));
        var window = AnalyticsWindow.Last(7, DayBucket.FromUnixMs(NowMs));
        return await query.RunAsync(new AnalyticsQuery(G, window, top, includeBots), CancellationToken.None);
    }

    /// <summary>A new thread under <paramref name="parent"/> whose first message (id == thread id, like a forum post) is the asker's.</summary>
    protected async Task<ulong> AskAsync(ulong parent, long at)
    {
        var thread = MessageId(at, _next++);
        await Store.WriteAsync(
            Thread(G, parent, thread, Asker, "question", at),
            new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = G, ChannelId = thread, MessageId = thread, UserId = Asker, EventAt = at, Excerpt = null });
        return thread;
    }

    protected async Task<ulong> ReplyAsync(ulong thread, long at, ulong author, bool bot = false)
    {
        var reply = Message(G, thread, author, at, n: _next++, bot: bot);
        await Store.WriteAsync(reply);
        return reply.MessageId!.Value;
    }

    /// <summary>A message directly in <paramref name="channel"/>, optionally a reply to <paramref name="replyTo"/>.</summary>
    protected async Task<ulong> PostAsync(ulong channel, long at, ulong author, ulong? replyTo = null, bool bot = false)
    {
        var message = Message(G, channel, author, at, n: _next++, bot: bot) with { ReferencedMessageId = replyTo };
        await Store.WriteAsync(message);
        return message.MessageId!.Value;
    }
}
