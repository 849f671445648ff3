using System.Text.Json;
using DiscordAnalytics.Core.Discord;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// A PUT body that is one complete list of Discord ids, <c>{ "channelIds": ["...", ...] }</c> or alike: ids as strings or
/// numbers, an empty list meaning none. Anything else (not JSON, another shape, an id that is not a snowflake) is null,
/// for the route to answer 400 naming the property.
/// </summary>
internal static class SnowflakeListBody
{
    /// <summary>The ids under <paramref name="property"/>, or null when the body is not <c>{ "property": [ids] }</c>.</summary>
    public static async Task<List<long>?> ReadAsync(HttpRequest request, string property, CancellationToken ct)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (body.RootElement.ValueKind != JsonValueKind.Object
                || !body.RootElement.TryGetProperty(property, out var list)
                || list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var ids = new List<long>();
            foreach (var item in list.EnumerateArray())
            {
                var text = item.ValueKind switch
                {
                    JsonValueKind.String => item.GetString(),
                    JsonValueKind.Number => item.GetRawText(),
                    _ => null,
                };
                if (Snowflake.TryParse(text) is not { } id)
                {
                    return null;
                }

                ids.Add((long)id);
            }

            return ids;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
