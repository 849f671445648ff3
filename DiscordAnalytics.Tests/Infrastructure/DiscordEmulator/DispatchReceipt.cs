namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>Where a dispatch went: the session it belongs to (null before the first IDENTIFY) and its sequence number.</summary>
public sealed record DispatchReceipt(string? SessionId, int Seq);
