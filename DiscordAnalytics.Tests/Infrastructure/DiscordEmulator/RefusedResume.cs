namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>A RESUME the emulator refused (expired session): the client had received <paramref name="Seq"/> of <paramref name="SessionId"/>, nothing after it.</summary>
public sealed record RefusedResume(string SessionId, int Seq);
