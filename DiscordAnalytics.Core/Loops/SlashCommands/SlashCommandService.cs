using DiscordAnalytics.Core.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>
/// Works through <see cref="SlashCommandInbox"/>: registrations one guild at a time (in order, so a switch saved on
/// and off ends off), interactions answered beside them, up to <see cref="SlashCommandsOptions.ConcurrentAnswers"/>
/// at once, each on its own so a slow answer delays no other.
/// </summary>
public sealed partial class SlashCommandService(
    SlashCommandInbox inbox,
    SlashCommandRegistrar registrar,
    SlashInteractionResponder responder,
    IOptions<SlashCommandsOptions> options,
    TimeProvider time,
    ILogger<SlashCommandService> logger) : ResilientBackgroundService(time, logger)
{
    private readonly SemaphoreSlim _answering = new(options.Value.ConcurrentAnswers, options.Value.ConcurrentAnswers);

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in inbox.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            inbox.Taken(work);
            switch (work.Kind)
            {
                case SlashWorkKind.Session:
                    registrar.NewConnection(work.ApplicationId);
                    foreach (var guild in work.GuildIds)
                    {
                        await registrar.SyncAsync(guild, stoppingToken).ConfigureAwait(false);
                    }

                    break;
                case SlashWorkKind.SettingsChanged:
                    await registrar.SyncAsync(work.GuildIds[0], stoppingToken).ConfigureAwait(false);
                    break;
                default:
                    if (SlashInteraction.Read(work.Interaction) is { } interaction)
                    {
                        await _answering.WaitAsync(stoppingToken).ConfigureAwait(false);
                        _ = AnswerAsync(interaction, stoppingToken);
                    }

                    break;
            }
        }
    }

    private async Task AnswerAsync(SlashInteraction interaction, CancellationToken stoppingToken)
    {
        try
        {
            await responder.RespondAsync(interaction, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // One answer's fault (the store unreachable for its settings) must not stop the others.
            LogAnswerFailed(logger, ex, interaction.GuildId);
        }
        finally
        {
            _answering.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Slash command in guild {GuildId} could not be answered")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception, ulong guildId);
}
