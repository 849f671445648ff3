namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>A response queued for the next request to a path, ahead of the emulator's normal answer.</summary>
public sealed record ScriptedRestResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers);
