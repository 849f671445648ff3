namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>One slash command this process answered (<see cref="SlashCommandLog"/>): which, when and how it went.</summary>
/// <param name="At">When the answer was sent or failed (epoch ms).</param>
/// <param name="Command">The command's name without the slash ("stats").</param>
/// <param name="Result">"answered", "deferred", "busy", "failed (403)"..., or "simulated" in the demo (nothing sent).</param>
/// <param name="Public">Everyone in the channel saw it; false: only the caller.</param>
/// <param name="LatencyMs">From the interaction's arrival to the answer (or its failure).</param>
/// <param name="Text">
/// The simulated answer's text in the demo, to show what the bot would have sent; null for real answers, whose text is
/// never kept (the previews show what each command answers now).
/// </param>
public sealed record SlashCommandAnswered(long At, string Command, string Result, bool Public, double LatencyMs, string? Text = null);
