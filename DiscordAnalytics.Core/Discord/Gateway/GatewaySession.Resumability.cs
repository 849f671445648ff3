using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>Which READY values the session trusts for a later RESUME, and the words the chip shows for a reconnect.</summary>
public sealed partial class GatewaySession
{
    /// <summary>Discord's session ids are 32 hex characters; anything this long is not one.</summary>
    public const int MaxSessionIdLength = 128;

    /// <summary>Discord's resume URLs are about 40 characters; anything this long is not one.</summary>
    public const int MaxResumeUrlLength = 512;

    /// <summary>
    /// Keeps READY's session for a later RESUME only when both values are plausible: a session id of sane length and
    /// a resume URL that is <c>wss://</c> (or <c>ws://</c> to this machine, as the test emulator serves). RESUME sends
    /// the bot token to that URL, so a plaintext or absurd one is refused: logged, and the next connection IDENTIFYs
    /// afresh on the gateway URL. This connection carries on either way.
    /// </summary>
    private void AcceptSession(string? sessionId, string? resumeUrl)
    {
        var refusal = sessionId switch
        {
            null => null,
            "" => "the session_id is empty",
            { Length: > MaxSessionIdLength } => $"the session_id is longer than {MaxSessionIdLength} characters",
            _ when resumeUrl is null => "there is no resume_gateway_url",
            _ when resumeUrl.Length > MaxResumeUrlLength => $"the resume_gateway_url is longer than {MaxResumeUrlLength} characters",
            _ when !IsTrustedResumeUrl(resumeUrl) => "the resume_gateway_url is not wss:// (or ws:// to this machine)",
            _ => null,
        };
        if (refusal is not null)
        {
            LogSessionRefused(_logger, refusal, sessionId?.Length ?? 0, resumeUrl?.Length ?? 0);
            _sessionId = null;
            _resumeGatewayUrl = null;
            return;
        }

        _sessionId = sessionId;
        _resumeGatewayUrl = sessionId is null ? null : resumeUrl;
    }

    internal static bool IsTrustedResumeUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return false;
        }

        return uri.Scheme == "wss" || (uri.Scheme == "ws" && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address))));
    }

    /// <summary>The reason for a connection the gateway ended before HELLO.</summary>
    private static string ClosedAtOnce(int? closeCode) =>
        closeCode is int code
            ? string.Create(CultureInfo.InvariantCulture, $"gateway closed at once, before HELLO (close code {code})")
            : "gateway closed at once, before HELLO";

    /// <summary>A reason as the start of a sentence ("connection dropped" -> "Connection dropped").</summary>
    private static string Sentence(string reason) =>
        reason.Length == 0 ? reason : string.Concat(char.ToUpperInvariant(reason[0]).ToString(), reason.AsSpan(1));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway READY session not kept for resuming: {Refusal} (session_id {SessionIdLength} characters, resume_gateway_url {ResumeUrlLength}); the next connection identifies afresh")]
    private static partial void LogSessionRefused(ILogger logger, string refusal, int sessionIdLength, int resumeUrlLength);
}
