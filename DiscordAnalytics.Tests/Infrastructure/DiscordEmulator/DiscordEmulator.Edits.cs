using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>
/// <c>PATCH /channels/{id}/messages/{mid}</c>: edits a message the emulator created (its body becomes the edit's
/// embeds/content, as Discord replaces the fields sent), enforces the same embed limits as a create, and answers 404
/// Unknown Message (10008) for a message it does not have in that channel. Each accepted edit is recorded.
/// </summary>
public sealed partial class DiscordEmulator
{
    private readonly List<PostedMessage> _edits = [];

    /// <summary>Accepted edits, in order: the message id and channel, and the PATCH body as sent.</summary>
    public IReadOnlyList<PostedMessage> Edits
    {
        get
        {
            lock (_gate)
            {
                return _edits.ToList();
            }
        }
    }

    private static bool IsEditMessage(HttpRequest request, string path, out string channelId, out string messageId)
    {
        var match = ChannelMessagePath().Match(path);
        channelId = match.Success ? match.Groups[1].Value : string.Empty;
        messageId = match.Success ? match.Groups[2].Value : string.Empty;
        return match.Success && HttpMethods.IsPatch(request.Method);
    }

    private async Task<int> EditMessageAsync(HttpContext context, string channelId, string messageId)
    {
        var response = context.Response;
        JsonObject body;
        try
        {
            body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject
                ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return await WriteAsync(response, 400, """{"message":"400: Bad Request","code":50109}""");
        }

        if (body["embeds"] is JsonArray { Count: > 0 } && EmbedLimitError(body) is { } error)
        {
            return await WriteAsync(response, 400, error);
        }

        PostedMessage? edited = null;
        lock (_gate)
        {
            var index = _posted.FindIndex(p => p.ChannelId == channelId && p.Id == messageId);
            if (index >= 0)
            {
                edited = _posted[index] with { Body = body };
                _posted[index] = edited;
                _edits.Add(edited);
            }
        }

        if (edited is null)
        {
            return await WriteAsync(response, 404, """{"message":"Unknown Message","code":10008}""");
        }

        return await WriteAsync(response, 200, $$"""{"id":"{{messageId}}","channel_id":"{{channelId}}","type":0,"content":"","embeds":{{body["embeds"]?.ToJsonString() ?? "[]"}}}""");
    }

    [GeneratedRegex("^/channels/([0-9]+)/messages/([0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelMessagePath();
}
