using System.ComponentModel.DataAnnotations;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>How slash commands are answered (section <c>SlashCommands</c>). Whether a guild answers at all is its own setting.</summary>
public sealed class SlashCommandsOptions
{
    public const string Section = "SlashCommands";

    /// <summary>
    /// How long an answer may take before the app defers it (callback type 5, "thinking...") and sends it as an edit
    /// when ready. Default 2 s; Discord drops an interaction not answered within 3 s. 0 defers every answer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.500", ErrorMessage = "SlashCommands:AnswerBudget must be a time span from 00:00:00 to 00:00:02.500 (Discord waits 3 s), e.g. 00:00:02.")]
    public TimeSpan AnswerBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Interactions waiting to be answered before new ones are dropped (and logged). Default 256. The gateway's read
    /// loop never waits for an answer: it only queues the interaction.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "SlashCommands:QueueCapacity must be a whole number from 1 to 100000.")]
    public int QueueCapacity { get; set; } = 256;

    /// <summary>Interactions answered at the same time. Default 4.</summary>
    [Range(1, 64, ErrorMessage = "SlashCommands:ConcurrentAnswers must be a whole number from 1 to 64.")]
    public int ConcurrentAnswers { get; set; } = 4;
}
