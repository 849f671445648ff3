using System.Net;

namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>A REST call that failed for good (after retries where retrying makes sense).</summary>
public class DiscordRestException : Exception
{
    public DiscordRestException(string message, HttpStatusCode? statusCode = null)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public DiscordRestException()
        : this("Discord REST call failed.")
    {
    }

    public DiscordRestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>Discord's JSON error <c>code</c> of a refused request (e.g. 50013 Missing Permissions, 10011 Unknown Role), when it sent one.</summary>
    public int? ErrorCode { get; init; }
}
