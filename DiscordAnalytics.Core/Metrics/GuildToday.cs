namespace DiscordAnalytics.Core.Metrics;

/// <summary>One guild's numbers for the current UTC day, as the summary's totals count them (bots as <c>Discord:IncludeBots</c> says).</summary>
public sealed record GuildToday(string GuildId, string Name, long Messages, long ActiveMembers);
