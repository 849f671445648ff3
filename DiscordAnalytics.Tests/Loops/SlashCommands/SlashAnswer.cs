using DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

namespace DiscordAnalytics.Tests.Loops.SlashCommands;

/// <summary>A slash command's answer as the emulator received it.</summary>
/// <param name="Content">The text (of the callback, or of the edit after a deferral).</param>
/// <param name="Flags">The callback's flags (64: only the caller sees it).</param>
/// <param name="Deferred">Answered with type 5 and then the edit.</param>
/// <param name="AllowedMentions">The message's <c>allowed_mentions</c> as JSON.</param>
public sealed record SlashAnswer(string Content, int Flags, bool Deferred, string? AllowedMentions, IReadOnlyList<InteractionCall> Calls);
