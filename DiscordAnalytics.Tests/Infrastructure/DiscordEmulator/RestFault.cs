namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>How the emulator's REST half misbehaves for every request (see <see cref="DiscordEmulator.RestFault"/>).</summary>
public enum RestFault
{
    /// <summary>Answers like Discord.</summary>
    None,

    /// <summary>Reads the request and never answers (the connection stays open until the client gives up).</summary>
    NeverAnswer,

    /// <summary>Answers 500 with a Discord-shaped error body.</summary>
    ServerError,

    /// <summary>Answers 200 with an HTML page instead of JSON (a captive portal or a misrouted proxy).</summary>
    Garbage,

    /// <summary>Answers a global 429 asking the client to wait a trillion seconds (body and Retry-After header).</summary>
    AbsurdRetryAfter,
}
