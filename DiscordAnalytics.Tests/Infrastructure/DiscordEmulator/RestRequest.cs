namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>A REST request the emulator answered.</summary>
public sealed record RestRequest(string Method, string Path, string? Authorization, string? UserAgent, int Status, DateTimeOffset At, string? Query = null);
