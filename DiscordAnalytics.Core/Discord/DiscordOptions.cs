namespace DiscordAnalytics.Core.Discord;

/// <summary>The <c>Discord</c> configuration section (docs/configuration.md).</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>Bot token. Empty means demo mode. Comes from the environment (<c>Discord__Token</c>) or user-secrets; never logged or shown.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>Gateway URL used when <c>GET /gateway/bot</c> gives no answer. Default <c>wss://gateway.discord.gg</c>.</summary>
    public string GatewayUrl { get; set; } = "wss://gateway.discord.gg";

    /// <summary>REST base URL. Default <c>https://discord.com/api/v10</c>.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Privileged intents we ask for, comma separated: <c>GuildMembers</c>, <c>MessageContent</c>. Default both.</summary>
    public string PrivilegedIntents { get; set; } = "GuildMembers,MessageContent";

    /// <summary>Whether bot and webhook messages and reactions count in totals and top lists. Default false (stored, not counted).</summary>
    public bool IncludeBots { get; set; }

    /// <summary>True when a token is configured.</summary>
    public bool HasToken => !string.IsNullOrWhiteSpace(Token);

    /// <summary><see cref="ApiBaseUrl"/> is an absolute http(s) URL (checked at start).</summary>
    public bool HasValidApiBaseUrl => IsAbsolute(ApiBaseUrl, Uri.UriSchemeHttps, Uri.UriSchemeHttp);

    /// <summary><see cref="GatewayUrl"/> is an absolute ws(s) URL (checked at start).</summary>
    public bool HasValidGatewayUrl => IsAbsolute(GatewayUrl, Uri.UriSchemeWss, Uri.UriSchemeWs);

    /// <summary>Every entry of <see cref="PrivilegedIntents"/> names a privileged intent (checked at start: a typo would silently drop it).</summary>
    public bool HasKnownPrivilegedIntents => Gateway.GatewayIntentsParser.AreKnown(PrivilegedIntents);

    private static bool IsAbsolute(string? url, params string[] schemes) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
}
