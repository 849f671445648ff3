namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>How Discord's REST API answered the last request (see <see cref="DiscordRestHealth"/>).</summary>
public enum DiscordRestState
{
    /// <summary>No request made yet (demo mode, or before the first).</summary>
    Unknown,

    /// <summary>The last request got a usable answer.</summary>
    Answering,

    /// <summary>The last request got no answer before the client's timeout.</summary>
    NotAnswering,

    /// <summary>The connection itself failed (refused, reset, DNS).</summary>
    Unreachable,

    /// <summary>Answers are 5xx or not JSON.</summary>
    Failing,

    /// <summary>A 429 asked for a wait beyond the clamp (<see cref="DiscordRestOptions.MaxRetryAfter"/>).</summary>
    RateLimited,

    /// <summary>Discord rejected the bot token (401); REST calls stop.</summary>
    Rejected,
}
