using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using DiscordAnalytics.Core.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>
/// Answers one slash command: within <see cref="SlashCommandsOptions.AnswerBudget"/> with the answer itself (callback
/// type 4), otherwise with a deferral (type 5) and then the answer as an edit of it (<c>PATCH .../messages/@original</c>).
/// Every answer carries <c>allowed_mentions: {"parse": []}</c> (a name that reads like a mention never pings) and is
/// ephemeral (flags 64) unless the guild made that command public (/me never is). Guilds whose switch is off are not
/// answered (logged once per guild). Each answer is logged with guild, command, result and latency, never its text, and
/// kept in <see cref="SlashCommandLog"/> for Settings.
/// </summary>
public sealed partial class SlashInteractionResponder(
    SlashCommandSettingsStore settings,
    SlashCommandAnswers answers,
    SlashCommandLog log,
    DiscordRestClient rest,
    IOptions<SlashCommandsOptions> options,
    TimeProvider time,
    ILogger<SlashInteractionResponder> logger)
{
    /// <summary>Discord's message flag for "only the caller sees it".</summary>
    public const int EphemeralFlag = 64;

    /// <summary>What a member reads when more commands wait than the queue holds (instead of Discord's "did not respond").</summary>
    public const string Busy = "Too many commands at once right now; try again in a minute.";

    /// <summary>What a member reads when the numbers could not be read.</summary>
    public const string Unavailable = "Statistics are not available right now; try again in a minute.";

    private const int ChannelMessageWithSource = 4;
    private const int DeferredChannelMessageWithSource = 5;

    private readonly ConcurrentDictionary<ulong, bool> _ignoredGuilds = new();

    /// <summary>Answers <paramref name="interaction"/> (or ignores it, when its guild's switch is off).</summary>
    public async Task RespondAsync(SlashInteraction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var started = time.GetTimestamp();
        var view = await settings.GetAsync((long)interaction.GuildId, cancellationToken).ConfigureAwait(false);
        if (view is not { Answer: true })
        {
            if (_ignoredGuilds.TryAdd(interaction.GuildId, true))
            {
                LogIgnored(logger, interaction.GuildId);
            }

            return;
        }

        _ignoredGuilds.TryRemove(interaction.GuildId, out _);
        if (SlashCommandDefinitions.Parse(interaction.CommandName) is not { } command)
        {
            LogUnknownCommand(logger, interaction.GuildId);
            return;
        }

        var flags = view.IsPublic(command) ? 0 : EphemeralFlag;
        var answer = AnswerAsync(interaction, command, cancellationToken);
        var budget = options.Value.AnswerBudget;
        if (budget > TimeSpan.Zero && !answer.IsCompleted)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(answer, Task.Delay(budget, time, wait.Token)).ConfigureAwait(false);
            await wait.CancelAsync().ConfigureAwait(false);
        }

        var result = "answered";
        try
        {
            if (budget > TimeSpan.Zero && answer.IsCompleted)
            {
                await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, Callback(ChannelMessageWithSource, Message(await answer.ConfigureAwait(false), flags)), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                result = "deferred";
                await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, Callback(DeferredChannelMessageWithSource, new Dictionary<string, object> { ["flags"] = flags }), cancellationToken).ConfigureAwait(false);
                var text = await answer.ConfigureAwait(false);
                await rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token, JsonSerializer.SerializeToUtf8Bytes(Message(text, null)), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException)
        {
            result = ex is DiscordRestException { StatusCode: { } status } ? $"failed ({(int)status})" : "failed";
        }

        var latency = time.GetElapsedTime(started).TotalMilliseconds;
        log.Record(interaction.GuildId, new SlashCommandAnswered(time.GetUtcNow().ToUnixTimeMilliseconds(), SlashCommandDefinitions.Names[command], result, flags == 0, latency));
        LogAnswered(logger, interaction.GuildId, SlashCommandDefinitions.Names[command], result, latency);
    }

    /// <summary>
    /// Tells the caller of a command the full queue could not take that it was not answered (ephemeral, at once, no
    /// numbers read), when the guild answers commands at all.
    /// </summary>
    public async Task RespondBusyAsync(SlashInteraction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var started = time.GetTimestamp();
        if (await settings.GetAsync((long)interaction.GuildId, cancellationToken).ConfigureAwait(false) is not { Answer: true })
        {
            return;
        }

        var result = "busy";
        try
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, Callback(ChannelMessageWithSource, Message(Busy, EphemeralFlag)), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException)
        {
            result = ex is DiscordRestException { StatusCode: { } status } ? $"busy, failed ({(int)status})" : "busy, failed";
        }

        var name = SlashCommandDefinitions.Parse(interaction.CommandName) is { } known ? SlashCommandDefinitions.Names[known] : "unknown";
        var latency = time.GetElapsedTime(started).TotalMilliseconds;
        log.Record(interaction.GuildId, new SlashCommandAnswered(time.GetUtcNow().ToUnixTimeMilliseconds(), name, result, Public: false, latency));
        LogAnswered(logger, interaction.GuildId, name, result, latency);
    }

    /// <summary>The answer's text; a failed query answers <see cref="Unavailable"/> instead of leaving the member waiting.</summary>
    private async Task<string> AnswerAsync(SlashInteraction interaction, SlashCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await answers.AnswerAsync(interaction.GuildId, command, interaction.UserId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAnswerFailed(logger, ex, interaction.GuildId, SlashCommandDefinitions.Names[command]);
            return Unavailable;
        }
    }

    private static byte[] Callback(int type, Dictionary<string, object> data) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["type"] = type, ["data"] = data });

    /// <summary>A message body: the text, mentions switched off, and the flags (a deferred answer's edit keeps the deferral's).</summary>
    private static Dictionary<string, object> Message(string content, int? flags)
    {
        var message = new Dictionary<string, object>
        {
            ["content"] = content,
            ["allowed_mentions"] = new Dictionary<string, object> { ["parse"] = Array.Empty<string>() },
        };
        if (flags is { } set)
        {
            message["flags"] = set;
        }

        return message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slash command in guild {GuildId} ignored: \"answer slash commands\" is off there (logged once until it is on)")]
    private static partial void LogIgnored(ILogger logger, ulong guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slash command in guild {GuildId} ignored: not one of the app's commands")]
    private static partial void LogUnknownCommand(ILogger logger, ulong guildId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slash command /{Command} in guild {GuildId}: {Result} in {LatencyMs} ms")]
    private static partial void LogAnswered(ILogger logger, ulong guildId, string command, string result, double latencyMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slash command /{Command} in guild {GuildId}: its numbers could not be read")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception, ulong guildId, string command);
}
