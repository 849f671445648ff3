using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>
/// <c>POST /channels/{id}/messages</c>: records each accepted body, answers with a message object, enforces
/// Discord's embed limits with a 400 shaped like Discord's "Invalid Form Body" (code 50035), answers 403
/// Missing Permissions (50013) for <see cref="ForbiddenChannelIds"/> and 404 Unknown Channel (10003) for
/// <see cref="UnknownChannelIds"/>, and honours <c>nonce</c> + <c>enforce_nonce</c> (the same nonce in a
/// channel returns the message it created, as Discord does).
/// </summary>
public sealed partial class DiscordEmulator
{
    private readonly List<PostedMessage> _posted = [];
    private long _nextMessageId = 1_300_000_000_000_000_000;

    /// <summary>Channels where the bot lacks Send Messages.</summary>
    public HashSet<string> ForbiddenChannelIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Channels Discord does not know.</summary>
    public HashSet<string> UnknownChannelIds { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, once this many messages exist every further create answers 403 (a permission lost mid-post).</summary>
    public int? ForbidAfterMessages { get; set; }

    /// <summary>Messages the emulator created, in order.</summary>
    public IReadOnlyList<PostedMessage> PostedMessages
    {
        get
        {
            lock (_gate)
            {
                return _posted.ToList();
            }
        }
    }

    /// <summary>Message-create requests refused with 400 for breaking an embed limit.</summary>
    public int RejectedMessageBodies { get; private set; }

    private static bool IsCreateMessage(HttpRequest request, string path, out string channelId)
    {
        var match = ChannelMessagesPath().Match(path);
        channelId = match.Success ? match.Groups[1].Value : string.Empty;
        return match.Success && HttpMethods.IsPost(request.Method);
    }

    private async Task<int> CreateMessageAsync(HttpContext context, string channelId)
    {
        var response = context.Response;
        if (ForbiddenChannelIds.Contains(channelId) || PostedMessages.Count >= ForbidAfterMessages)
        {
            return await WriteAsync(response, 403, """{"message":"Missing Permissions","code":50013}""");
        }

        if (UnknownChannelIds.Contains(channelId))
        {
            return await WriteAsync(response, 404, """{"message":"Unknown Channel","code":10003}""");
        }

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

        if (EmbedLimitError(body) is { } error)
        {
            lock (_gate)
            {
                RejectedMessageBodies++;
            }

            return await WriteAsync(response, 400, error);
        }

        var nonce = body["nonce"]?.ToString();
        var enforce = body["enforce_nonce"]?.GetValue<bool>() == true;
        PostedMessage message;
        lock (_gate)
        {
            var earlier = enforce && nonce is not null ? _posted.FirstOrDefault(p => p.ChannelId == channelId && p.Nonce == nonce) : null;
            if (earlier is not null)
            {
                message = earlier;
            }
            else
            {
                message = new PostedMessage((_nextMessageId++).ToString(CultureInfo.InvariantCulture), channelId, nonce, body);
                _posted.Add(message);
            }
        }

        return await WriteAsync(response, 200, $$"""{"id":"{{message.Id}}","channel_id":"{{channelId}}","type":0,"content":"","embeds":{{message.Body["embeds"]?.ToJsonString() ?? "[]"}}}""");
    }

    /// <summary>Discord's embed limits; the error body follows Discord's nested <c>errors</c> shape.</summary>
    private static string? EmbedLimitError(JsonObject body)
    {
        if (body["embeds"] is not JsonArray embeds)
        {
            return body["content"] is null ? FormError("""{"_errors":[{"code":"MESSAGE_EMPTY","message":"Cannot send an empty message"}]}""", "message") : null;
        }

        if (embeds.Count > 10)
        {
            return FormError(MaxLength(10), "embeds");
        }

        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            var embed = embeds[i]!.AsObject();
            foreach (var (field, limit) in new[] { ("title", 256), ("description", 4096) })
            {
                var text = embed[field]?.GetValue<string>() ?? string.Empty;
                total += text.Length;
                if (text.Length > limit)
                {
                    return FormError(AtEmbed(i, field, MaxLength(limit)), "embeds");
                }
            }

            var fields = embed["fields"] as JsonArray ?? [];
            if (fields.Count > 25)
            {
                return FormError(AtEmbed(i, "fields", MaxLength(25)), "embeds");
            }

            foreach (var f in fields)
            {
                var name = f!["name"]?.GetValue<string>() ?? string.Empty;
                var value = f["value"]?.GetValue<string>() ?? string.Empty;
                total += name.Length + value.Length;
                if (name.Length > 256 || value.Length > 1024)
                {
                    return FormError(AtEmbed(i, "fields", MaxLength(name.Length > 256 ? 256 : 1024)), "embeds");
                }
            }

            total += (embed["footer"]?["text"]?.GetValue<string>()?.Length ?? 0) + (embed["author"]?["name"]?.GetValue<string>()?.Length ?? 0);
        }

        return total > 6000
            ? FormError("""{"_errors":[{"code":"MAX_EMBED_SIZE_EXCEEDED","message":"Embed size exceeds maximum size of 6000"}]}""", "embeds")
            : null;
    }

    private static string MaxLength(int limit) =>
        $$"""{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be {{limit}} or fewer in length."}]}""";

    private static string FormError(string errors, string key) =>
        "{\"message\":\"Invalid Form Body\",\"code\":50035,\"errors\":{\"" + key + "\":" + errors + "}}";

    private static string AtEmbed(int index, string field, string errors) =>
        "{\"" + index.ToString(CultureInfo.InvariantCulture) + "\":{\"" + field + "\":" + errors + "}}";

    [GeneratedRegex("^/channels/([0-9]+)/messages$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelMessagesPath();
}
