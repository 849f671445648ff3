using System.Text.Json.Nodes;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>
/// A slash command request the emulator received: a commands overwrite (<see cref="Kind"/> <c>register</c>, with the
/// application and guild), an interaction callback (<c>callback</c>, with the interaction id and token) or the edit of
/// a deferred answer (<c>edit</c>, with the application and token); the body as sent and the status answered.
/// </summary>
public sealed record InteractionCall(string Kind, string ApplicationOrInteractionId, string GuildOrToken, JsonNode? Body, int Status);
