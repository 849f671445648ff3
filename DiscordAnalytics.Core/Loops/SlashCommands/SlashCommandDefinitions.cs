using System.Text.Json;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>
/// The guild commands the app registers (chat input commands, type 1, no options) and their bulk-overwrite bodies.
/// The bodies are fixed, so the same switch always sends the same bytes: the registrar compares them to skip a PUT
/// that would change nothing.
/// </summary>
public static class SlashCommandDefinitions
{
    /// <summary>Discord's name of each command, as typed after the slash.</summary>
    public static IReadOnlyDictionary<SlashCommand, string> Names { get; } = new Dictionary<SlashCommand, string>
    {
        [SlashCommand.Stats] = "stats",
        [SlashCommand.Me] = "me",
        [SlashCommand.Leaderboard] = "leaderboard",
    };

    private static readonly (SlashCommand Command, string Description)[] Commands =
    [
        (SlashCommand.Stats, "This server's last 7 days: messages, active members, top channel"),
        (SlashCommand.Me, "Your messages, reactions, streak and leaderboard place (only you see it)"),
        (SlashCommand.Leaderboard, "The top 10 members of the last 7 days"),
    ];

    /// <summary>The three commands as a JSON array (<c>PUT /applications/{app}/guilds/{g}/commands</c>).</summary>
    public static byte[] All { get; } = JsonSerializer.SerializeToUtf8Bytes(
        Commands.Select(c => new { name = Names[c.Command], description = c.Description, type = 1 }).ToArray());

    /// <summary>No commands: the overwrite that removes the app's commands from a guild.</summary>
    public static byte[] None { get; } = "[]"u8.ToArray();

    /// <summary>How many commands <see cref="All"/> holds.</summary>
    public static int Count => Commands.Length;

    /// <summary>The command Discord calls <paramref name="name"/>, or null for one the app does not know.</summary>
    public static SlashCommand? Parse(string? name) =>
        Names.FirstOrDefault(n => string.Equals(n.Value, name, StringComparison.Ordinal)) is { Value: not null } found ? found.Key : null;
}
