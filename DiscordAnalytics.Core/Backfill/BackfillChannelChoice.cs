namespace DiscordAnalytics.Core.Backfill;

/// <summary>A channel the settings page offers for a run (text, announcement, forum; threads come along).</summary>
public sealed record BackfillChannelChoice(string ChannelId, string Name, int Type);
