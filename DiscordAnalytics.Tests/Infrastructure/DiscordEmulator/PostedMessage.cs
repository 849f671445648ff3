using System.Text.Json.Nodes;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>A message the emulator created: its id, channel, nonce and the request body as sent.</summary>
public sealed record PostedMessage(string Id, string ChannelId, string? Nonce, JsonObject Body);
