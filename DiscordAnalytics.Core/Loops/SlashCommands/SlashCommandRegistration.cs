namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>
/// The last overwrite of a guild's commands this process tried (<see cref="SlashCommandRegistrations"/>): what it sent,
/// when, and whether Discord took it.
/// </summary>
/// <param name="Succeeded">Discord took the overwrite.</param>
/// <param name="Commands">How many commands it sent (0: the empty list that removes them).</param>
/// <param name="At">When it was answered or failed (epoch ms).</param>
/// <param name="HttpStatus">Discord's status when it refused; null when it took it or never answered.</param>
/// <param name="Message">Why it failed and what happens next; null when it succeeded. Never holds a token.</param>
public sealed record SlashCommandRegistration(bool Succeeded, int Commands, long At, int? HttpStatus, string? Message);
