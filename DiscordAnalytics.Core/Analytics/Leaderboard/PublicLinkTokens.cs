using System.Security.Cryptography;
using System.Text;
using System.Buffers.Text;

namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// The public page's tokens: 256 random bits from the system's CSPRNG as base64url (43 characters), kept as their
/// SHA-256. A lookup compares hashes, so how long a comparison takes says nothing about the token itself.
/// </summary>
public static class PublicLinkTokens
{
    private const int TokenBytes = 32;

    /// <summary>The length of a token as text.</summary>
    public const int TokenLength = 43;

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Whether <paramref name="token"/> could be one of ours at all (length and alphabet), before any store read.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
