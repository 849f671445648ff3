namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>One invite of the emulated guild.</summary>
public sealed record EmulatorInvite(string Code, string? InviterId, string ChannelId, int Uses, int MaxUses);
