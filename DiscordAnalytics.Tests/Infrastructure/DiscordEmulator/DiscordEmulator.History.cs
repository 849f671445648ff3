using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>The REST history surface backfill pages through: channel messages, archived threads, reactors, scripted 403s.</summary>
public sealed partial class DiscordEmulator
{
    /// <summary>What the history endpoints serve.</summary>
    public EmulatorHistory History { get; } = new();

    private async Task<int> AnswerChannelAsync(HttpContext context, string path)
    {
        var response = context.Response;
        var match = ChannelRoute().Match(path);
        if (!match.Success)
        {
            return await WriteAsync(response, 404, """{"message":"Unknown route","code":0}""");
        }

        var channelId = match.Groups["channel"].Value;
        if (History.IsForbidden(channelId))
        {
            return await WriteAsync(response, 403, """{"message":"Missing Access","code":50001}""");
        }

        var query = context.Request.Query;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 100) : 50;
        var rest = match.Groups["rest"].Value;
        if (rest == "/messages")
        {
            using var inFlight = await EnterPageAsync();
            ulong? before = ulong.TryParse(query["before"], NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null;
            return await WriteAsync(response, 200, History.MessagesJson(channelId, before, limit));
        }

        if (rest == "/threads/archived/public")
        {
            DateTimeOffset? before = DateTimeOffset.TryParse(query["before"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
            return await WriteAsync(response, 200, History.ArchivedThreadsJson(channelId, before));
        }

        var reactors = ReactorsRoute().Match(rest);
        if (reactors.Success)
        {
            ulong? after = ulong.TryParse(query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : null;
            var emoji = Uri.UnescapeDataString(reactors.Groups["emoji"].Value);
            return await WriteAsync(response, 200, History.ReactorsJson(channelId, reactors.Groups["message"].Value, emoji, after, limit));
        }

        return await WriteAsync(response, 404, """{"message":"Unknown route","code":0}""");
    }

    /// <summary>Bucket template and major id of a channel route (message and emoji ids folded, as Discord buckets them).</summary>
    private static (string Template, string? Major)? ChannelRouteOf(string path)
    {
        var match = ChannelRoute().Match(path);
        if (!match.Success)
        {
            return null;
        }

        var rest = match.Groups["rest"].Value;
        // Discord's buckets: one per channel for a route, whichever message or emoji it names.
        rest = ReactorsRoute().IsMatch(rest) ? "/messages/{mid}/reactions/{emoji}" : MessageRoute().IsMatch(rest) ? "/messages/{mid}" : rest;
        return ($"/channels/{{id}}{rest}", match.Groups["channel"].Value);
    }

    [GeneratedRegex("^/channels/(?<channel>\\d+)(?<rest>/.*)?$")]
    private static partial Regex ChannelRoute();

    [GeneratedRegex("^/messages/\\d+$")]
    private static partial Regex MessageRoute();

    [GeneratedRegex("^/messages/(?<message>\\d+)/reactions/(?<emoji>[^/]+)$")]
    private static partial Regex ReactorsRoute();
}
