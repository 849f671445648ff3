namespace DiscordAnalytics.Core.Analytics.Voice;

/// <summary>A voice or stage channel's voice minutes in a window and in the previous one (cut like the totals); summary <c>topVoiceChannels</c>.</summary>
public sealed record VoiceChannelStat(string ChannelId, string Name, long Minutes, long PreviousMinutes);
