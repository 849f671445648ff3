using System.Text.Json;
using System.Threading.Channels;
using DiscordAnalytics.Core.Discord;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>
/// The bounded hand-off between the gateway and <see cref="SlashCommandService"/>: the gateway's read loop posts
/// (never waits) and goes on ingesting; the service registers commands and answers interactions at its own pace. When
/// the queue is full an interaction is dropped and logged (Discord shows the member "did not respond"); a session or a
/// settings change is never dropped, since the queue keeps room for them (<see cref="ReservedForControl"/>).
/// </summary>
public sealed partial class SlashCommandInbox : IFreshSessionObserver
{
    /// <summary>Places kept free of interactions for sessions and settings changes.</summary>
    public const int ReservedForControl = 16;

    private readonly Channel<SlashWork> _queue;
    private readonly int _interactionLimit;
    private readonly ILogger<SlashCommandInbox> _logger;
    private int _queuedInteractions;

    public SlashCommandInbox(IOptions<SlashCommandsOptions> options, ILogger<SlashCommandInbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _interactionLimit = options.Value.QueueCapacity;
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
            return false;
        }

        return true;
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
}
