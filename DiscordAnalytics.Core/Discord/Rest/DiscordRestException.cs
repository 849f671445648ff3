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
}
