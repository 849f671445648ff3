using System.Text.Json;
using System.Threading.Channels;
using DiscordAnalytics.Core.Discord;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>
/// The bounded hand-off between the gateway and <see cref="SlashCommandService"/>: the gateway's read loop posts
/// (never waits) and goes on ingesting; the service registers commands and answers interactions at its own pace. When
/// the queue is full an interaction is not queued: its caller is told at once that the bot is busy
/// (<see cref="SlashInteractionResponder.RespondBusyAsync"/>, at most <see cref="ReservedForControl"/> such replies at a
/// time; beyond that it is dropped and Discord shows "did not respond"), and it is logged. A session or a settings change
/// is never dropped, since the queue keeps room for them (<see cref="ReservedForControl"/>).
/// </summary>
public sealed partial class SlashCommandInbox : IFreshSessionObserver
{
    /// <summary>Places kept free of interactions for sessions and settings changes.</summary>
    public const int ReservedForControl = 16;

    private static readonly TimeSpan BusyReplyLimit = TimeSpan.FromSeconds(30);

    private readonly Channel<SlashWork> _queue;
    private readonly int _interactionLimit;
    private readonly ILogger<SlashCommandInbox> _logger;
    private readonly SlashInteractionResponder _responder;
    private int _queuedInteractions;
    private int _busyReplies;

    public SlashCommandInbox(IOptions<SlashCommandsOptions> options, SlashInteractionResponder responder, ILogger<SlashCommandInbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _interactionLimit = options.Value.QueueCapacity;
        _responder = responder;
        _logger = logger;
        _queue = Channel.CreateBounded<SlashWork>(new BoundedChannelOptions(_interactionLimit + ReservedForControl)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });
    }

    /// <summary>The service's side of the queue.</summary>
    public ChannelReader<SlashWork> Reader => _queue.Reader;

    /// <summary>READY: the application id (from READY's <c>application</c>) and the session's guilds.</summary>
    public Task OnFreshSessionAsync(FreshSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        _queue.Writer.TryWrite(SlashWork.Session(session.ApplicationId, session.GuildIds));
        return Task.CompletedTask;
    }

    /// <summary>A guild's switch or public choices were saved.</summary>
    public void SettingsChanged(ulong guildId) => _queue.Writer.TryWrite(SlashWork.SettingsChanged(guildId));

    /// <summary>INTERACTION_CREATE's <c>d</c>; copied, since the gateway reuses its buffer. False when dropped (queue full).</summary>
    public bool Received(JsonElement interaction)
    {
        if (Interlocked.Increment(ref _queuedInteractions) > _interactionLimit || !_queue.Writer.TryWrite(SlashWork.Answer(interaction.Clone())))
        {
            Interlocked.Decrement(ref _queuedInteractions);
            LogDropped(_logger, _interactionLimit);
            if (SlashInteraction.Read(interaction) is { } dropped)
            {
                ReplyBusy(dropped);
            }

            return false;
        }

        return true;
    }

    /// <summary>Off the gateway's read loop, and bounded: a flood of commands cannot become a flood of tasks.</summary>
    private void ReplyBusy(SlashInteraction interaction)
    {
        if (Interlocked.Increment(ref _busyReplies) > ReservedForControl)
        {
            Interlocked.Decrement(ref _busyReplies);
            return;
        }

        _ = Task.Run(async () =>
        {
            // Discord takes a first response for 3 s only; a reply still stuck long after is of no use to anyone.
            using var limit = new CancellationTokenSource(BusyReplyLimit);
            try
            {
                await _responder.RespondBusyAsync(interaction, limit.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogBusyFailed(_logger, ex, interaction.GuildId);
            }
            finally
            {
                Interlocked.Decrement(ref _busyReplies);
            }
        });
    }

    /// <summary>The service took an interaction off the queue.</summary>
    internal void Taken(SlashWork work)
    {
        if (work.Kind == SlashWorkKind.Interaction)
        {
            Interlocked.Decrement(ref _queuedInteractions);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slash command dropped: {Limit} interactions already wait to be answered")]
    private static partial void LogDropped(ILogger logger, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slash command in guild {GuildId}: the busy reply failed")]
    private static partial void LogBusyFailed(ILogger logger, Exception exception, ulong guildId);
}
