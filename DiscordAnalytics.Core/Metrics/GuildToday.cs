namespace DiscordAnalytics.Core.Metrics;

/// <summary>One guild's numbers for the current UTC day, as the summary's totals count them (bots as <c>Discord:IncludeBots</c> says).</summary>
/// <param name="VoiceMinutes">Minutes in voice today (AFK channel excluded), as the summary's <c>totals.voiceMinutes</c>.</param>
public sealed record GuildToday(string GuildId, string Name, long Messages, long ActiveMembers, long VoiceMinutes);
