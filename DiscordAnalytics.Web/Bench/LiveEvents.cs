using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// New messages of today, one at a time, through the app's own pipeline (the registered one, so whatever the
/// app keeps up to date as events arrive is kept up to date here too): copies of the community's last message
/// by the same author in the same channel, one millisecond apart from <paramref name="firstAt"/> on
/// (<see cref="FirstAt"/>: after the newest message the store holds, as a new message is), each with a fresh id.
/// </summary>
public sealed class LiveEvents(IServiceProvider services, IngestEvent template, long firstAt) : IAsyncDisposable
{
    /// <summary>Low snowflake bits no generator here hands out (the demo's workers stop at 6, the large community's days use fewer bits).</summary>
    private const ulong LiveBits = 0x3FFFFF;

    /// <summary>
    /// The first live message's time: within the last minute of the data (<paramref name="end"/>), after the newest
    /// message the store holds, so a live message is new, never a late one, and never repeats an earlier run's.
    /// </summary>
    public static long FirstAt(long end, IngestEvent newestMessage) => Math.Max(end - 60_000, newestMessage.EventAt + 1);

    private readonly IngestionPipeline _pipeline = services.GetRequiredService<IngestionPipeline>();
    private int _sent;
    private int _help;
    private ulong _question;

    public Task StartAsync(CancellationToken cancellationToken) => _pipeline.StartAsync(cancellationToken);

    /// <summary>Writes one new message and waits until the store has it.</summary>
    public async Task IngestOneAsync(CancellationToken cancellationToken)
    {
        var at = firstAt + _sent++;
        await _pipeline.WriteAsync(template with { EventAt = at, MessageId = Snowflake.FromUnixMs(at) | LiveBits, ReferencedMessageId = null }, cancellationToken);
        await _pipeline.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Writes one new message in a help channel and waits until the store has it, in turn: a question (the asker's new
    /// message in the help channel), the answerer's reply to it, an answer in the newest help thread (a question again when
    /// the guild has none). Each changes today's support and mentor figures, as a help channel's live traffic does.
    /// </summary>
    public async Task IngestHelpOneAsync(LiveHelpPlan plan, CancellationToken cancellationToken)
    {
        var at = firstAt + _sent++;
        var id = Snowflake.FromUnixMs(at) | LiveBits;
        var step = _help++ % 3;
        var message = (step, _question) switch
        {
            (1, not 0) => template with { ChannelId = plan.Channel, UserId = plan.Answerer, ReferencedMessageId = _question },
            (2, _) when plan.Thread != 0 => template with { ChannelId = plan.Thread, UserId = plan.ThreadAnswerer, ReferencedMessageId = null },
            _ => template with { ChannelId = plan.Channel, UserId = plan.Asker, ReferencedMessageId = null },
        };
        if (message.UserId == plan.Asker && message.ChannelId == plan.Channel)
        {
            _question = id;
        }

        await _pipeline.WriteAsync(message with { EventAt = at, MessageId = id }, cancellationToken);
        await _pipeline.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await _pipeline.StopAsync(CancellationToken.None);
}
