namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>What a <see cref="PostgresDoor"/> does with a connection.</summary>
public enum DoorState
{
    /// <summary>Hangs up at once: the server is down.</summary>
    Shut,

    /// <summary>Holds the connection and never answers: the server hangs.</summary>
    Silent,

    /// <summary>Passes it through to the test server.</summary>
    Open,
}
