namespace DiscordAnalytics.Core.Digests;

/// <summary>A channel a digest can be posted to.</summary>
public sealed record DigestChannel(string ChannelId, string Name);
