using System.Globalization;
using DiscordAnalytics.Core.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>
/// Keeps each guild's commands on Discord as its switch says: the three commands while it is on, none after it was
/// turned off (only when the app had registered some). One bulk overwrite per guild per gateway connection at most
/// for the same definitions; a new connection (READY) forgets what was sent, as Discord may have lost nothing or
/// everything meanwhile. Called by <see cref="SlashCommandService"/> only, one guild at a time.
/// </summary>
public sealed partial class SlashCommandRegistrar(
    SlashCommandSettingsStore settings,
    DiscordRestClient rest,
    SlashCommandRegistrations registrations,
    TimeProvider time,
    ILogger<SlashCommandRegistrar> logger)
{
    private readonly Dictionary<ulong, byte[]> _sentThisConnection = [];
    private ulong? _applicationId;

    /// <summary>A new gateway connection: its application, and nothing sent on it yet.</summary>
    public void NewConnection(ulong? applicationId)
    {
        _applicationId = applicationId;
        _sentThisConnection.Clear();
    }

    /// <summary>Overwrites the guild's commands when its switch asks for a change not yet sent on this connection.</summary>
    public async Task SyncAsync(ulong guildId, CancellationToken cancellationToken)
    {
        if (_applicationId is not { } application)
        {
            // Not connected yet (or READY named no application): the next READY syncs every guild.
            return;
        }

        var view = await settings.GetAsync((long)guildId, cancellationToken).ConfigureAwait(false) ?? SlashCommandsView.Default;
        var (body, count) = view.Answer
            ? (SlashCommandDefinitions.All, SlashCommandDefinitions.Count)
            : view.RegisteredCommands > 0 || _sentThisConnection.ContainsKey(guildId) ? (SlashCommandDefinitions.None, 0) : (null, 0);
        if (body is null || (_sentThisConnection.TryGetValue(guildId, out var sent) && sent.AsSpan().SequenceEqual(body)))
        {
            return;
        }

        try
        {
            await rest.BulkOverwriteGuildCommandsAsync(application, guildId, body, cancellationToken).ConfigureAwait(false);
            _sentThisConnection[guildId] = body;
            await settings.SetRegisteredAsync((long)guildId, count, cancellationToken).ConfigureAwait(false);
            registrations.Record(guildId, new SlashCommandRegistration(true, count, time.GetUtcNow().ToUnixTimeMilliseconds(), null, null));
            LogRegistered(logger, guildId, count);
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException)
        {
            // Not retried in a loop: the next connection or the next save of the switch tries again. Settings shows it.
            int? status = ex is DiscordRestException { StatusCode: { } code } ? (int)code : null;
            registrations.Record(guildId, new SlashCommandRegistration(false, count, time.GetUtcNow().ToUnixTimeMilliseconds(), status, FailureMessage(ex, status)));
            LogRegisterFailed(logger, guildId, count, status ?? 0);
        }
    }

    /// <summary>What failed and what to do, for Settings (Discord's own message names no secret; the token is never in it).</summary>
    private static string FailureMessage(Exception ex, int? status)
    {
        var what = status switch
        {
            401 => "Discord rejected the bot token (401): fix Discord:Token and restart.",
            403 => "Discord refused (403): invite the bot again with the applications.commands scope.",
            null => "Discord did not answer.",
            _ => string.Create(CultureInfo.InvariantCulture, $"Discord answered {status}{(ex is DiscordRestException { ErrorCode: { } code } ? $" (code {code})" : string.Empty)}."),
        };
        return what + " The commands are sent again at the next connection or when the switch is saved.";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slash commands of guild {GuildId} overwritten: {Count} commands registered")]
    private static partial void LogRegistered(ILogger logger, ulong guildId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slash commands of guild {GuildId} not overwritten ({Count} commands): Discord answered {Status} (0: no answer)")]
    private static partial void LogRegisterFailed(ILogger logger, ulong guildId, int count, int status);
}
