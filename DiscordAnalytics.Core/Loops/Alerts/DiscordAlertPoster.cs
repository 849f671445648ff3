using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Rest;

namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>
/// <c>POST /channels/{c}/messages</c> through the REST client (its buckets, 429 and 5xx retries, 401 stop), with
/// <c>allowed_mentions</c> <c>{"parse": [], "roles": ["R"]}</c>: only the chosen role can be pinged, never @everyone,
/// a member or another role, whatever the text holds. The nonce with <c>enforce_nonce</c> makes Discord return the
/// existing message when a retried request had already created it.
/// </summary>
public sealed class DiscordAlertPoster(DiscordRestClient rest) : IAlertPoster
{
    public AlertResult Done => AlertResult.Sent;

    public async Task<long?> PostAsync(ulong channelId, string text, ulong? roleId, string nonce, CancellationToken cancellationToken)
    {
        var body = Body(text, roleId, nonce);
        var id = channelId.ToString(CultureInfo.InvariantCulture);
        var route = DiscordRoute.Post("/channels/{channel_id}/messages", $"/channels/{id}/messages", channelId, JsonSerializer.SerializeToUtf8Bytes(body));
        using var answer = await rest.SendJsonAsync(route, cancellationToken);
        return Snowflake.TryParse(Json.String(answer.RootElement, "id")) is { } messageId && messageId <= long.MaxValue ? (long)messageId : null;
    }

    /// <summary>The message body: the role mention first (when given), the text, and mentions limited to that role.</summary>
    public static JsonObject Body(string text, ulong? roleId, string nonce)
    {
        var role = roleId?.ToString(CultureInfo.InvariantCulture);
        var roles = new JsonArray();
        if (role is not null)
        {
            roles.Add(role);
        }

        return new JsonObject
        {
            ["content"] = role is null ? text : $"<@&{role}> {text}",
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray(), ["roles"] = roles },
            ["nonce"] = nonce,
            ["enforce_nonce"] = true,
        };
    }
}
