using System.Globalization;
using System.Text.Json;
using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Web.Api.Guilds;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// Weekly digests over HTTP: generate (<c>POST /api/guilds/{guildId}/digests</c>, 201), history
/// (<c>GET .../digests</c>), one digest with its Markdown and summary (<c>GET .../digests/{digestId}</c>) and
/// posting (<c>POST .../digests/{digestId}/post</c> with <c>{"channelId":"..."}</c>). Checks run in the order
/// guildId (400), guild (404) (both by the <see cref="GuildRouteFilter"/>), digestId (400), digest (404), body (400),
/// so every answer names one culprit.
/// </summary>
public static class DigestsApi
{
    private const int MaxBodyBytes = 4096;

    public static IEndpointRouteBuilder MapDigestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGuildRoutes().MapGroup("/digests");

        api.MapPost("", async (RequestedGuild guild, DigestService digests, ModelCallGate gate, HttpResponse response, CancellationToken ct) =>
        {
            // The digest's suggested actions come from the insights model: one at a time per guild, a few per minute.
            using var lease = gate.TryEnter(guild.Id, out var retryAfter);
            if (lease is null)
            {
                return ModelCallGate.TooManyRequests(response, retryAfter);
            }

            var digest = await digests.GenerateAsync(guild.Id, scheduled: false, ct);
            return digest is null
                ? ApiProblems.GuildNotFound(guild.RouteText)
                : Results.Created($"/api/guilds/{guild.RouteText}/digests/{digest.Id}", Full(digest));
        });

        api.MapGet("", async (RequestedGuild guild, DigestService digests, CancellationToken ct) =>
            Results.Ok((await digests.ListAsync(guild.Id, ct)).Select(Entry)));

        api.MapGet("/{digestId}", async (RequestedGuild guild, string digestId, DigestService digests, CancellationToken ct) =>
        {
            if (ParseDigestId(digestId) is not { } number)
            {
                return BadDigestId();
            }

            var digest = await digests.FindAsync(guild.Id, number, ct);
            return digest is null ? DigestNotFound() : Results.Ok(Full(digest));
        });

        api.MapPost("/{digestId}/post", async (RequestedGuild guild, string digestId, HttpRequest request, DigestService digests, DigestPoster poster, CancellationToken ct) =>
        {
            if (ParseDigestId(digestId) is not { } number)
            {
                return BadDigestId();
            }

            if (await digests.FindAsync(guild.Id, number, ct) is null)
            {
                return DigestNotFound();
            }

            if (await ReadChannelIdAsync(request, ct) is not { } channelId)
            {
                return ApiProblems.BadParameter("channelId", "The body must be JSON like {\"channelId\":\"123\"} with a Discord channel id.");
            }

            var result = await poster.PostAsync(guild.Id, number, channelId, ct);
            return result.Outcome switch
            {
                DigestPostOutcome.Posted or DigestPostOutcome.AlreadyPosted => Results.Ok(Full(result.Digest!) with { SentNow = result.SentNow }),
                DigestPostOutcome.NotFound => DigestNotFound(),
                DigestPostOutcome.ChannelNotInGuild => ApiProblems.BadParameter("channelId", result.Error!),
                DigestPostOutcome.NoDiscord or DigestPostOutcome.StartedInOtherChannel => ApiProblems.Conflict("Digest not posted", result.Error),
                _ => ApiProblems.Status(
                    StatusCodes.Status502BadGateway, "Discord refused the post", result.Error,
                    new Dictionary<string, object?> { ["digest"] = Entry(result.Digest!) }),
            };
        });

        return app;
    }

    private static long? ParseDigestId(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static IResult BadDigestId() => ApiProblems.BadParameter("digestId", "digestId must be a positive integer.");

    private static IResult DigestNotFound() => ApiProblems.NotFound("Digest not found", "This server has no digest with that id.");

    /// <summary>The channel id of a <c>{"channelId": "..."}</c> body (a string, or a JSON number), or null.</summary>
    private static async Task<ulong?> ReadChannelIdAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("channelId", out var channel))
            {
                return null;
            }

            return channel.ValueKind switch
            {
                JsonValueKind.String => Snowflake.TryParse(channel.GetString()),
                JsonValueKind.Number when channel.TryGetUInt64(out var number) && number > 0 => number,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DigestEntry Entry(Digest d) => new(
        d.Id, d.GuildId.ToString(CultureInfo.InvariantCulture), d.CreatedAt, d.WindowStartAt, d.WindowEndAt, d.Status.StoredName(), d.Scheduled,
        d.PostedChannelId?.ToString(CultureInfo.InvariantCulture), d.MessageIds, d.PostedAt, d.LastError);

    private static DigestDetail Full(Digest d) => new(Entry(d), d.Markdown, JsonDocument.Parse(d.SummaryJson).RootElement, d.Generator, null);
}
