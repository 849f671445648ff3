using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Digests;

/// <summary>
/// Posts a digest to a channel through <c>POST /channels/{id}/messages</c>, as embeds split by
/// <see cref="DigestEmbedSplitter"/>, with <c>allowed_mentions: {parse: []}</c> so nothing in it can ping.
/// Idempotent: each sent message's id is stored before the next is sent, so posting again resumes after the
/// last sent part and a posted digest is never sent twice. Each part also carries a Discord <c>nonce</c> with
/// <c>enforce_nonce</c>, so a request the REST client retries (a 5xx after Discord had created the message)
/// returns the existing message instead of a duplicate. Without a REST client (demo mode) nothing is sent.
/// </summary>
public sealed partial class DigestPoster(
    IDbContextFactory<AnalyticsDbContext> contexts,
    TimeProvider time,
    ILogger<DigestPoster> logger,
    DiscordRestClient? rest = null)
{
    /// <summary>Brand colour of the embeds (Discord blurple).</summary>
    public const int EmbedColor = 0x5865F2;

    private readonly ConcurrentDictionary<long, SemaphoreSlim> _postLocks = new();

    /// <summary>Whether posting can reach Discord (false in demo mode).</summary>
    public bool CanPost => rest is not null;

    public async Task<DigestPostResult> PostAsync(ulong guildId, long digestId, ulong channelId, CancellationToken cancellationToken)
    {
        // One post per digest at a time: two clicks must not both send part 1.
        var gate = _postLocks.GetOrAdd(digestId, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await PostLockedAsync(guildId, digestId, channelId, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<DigestPostResult> PostLockedAsync(ulong guildId, long digestId, ulong channelId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var digest = await db.Digests.FirstOrDefaultAsync(d => d.Id == digestId && d.GuildId == (long)guildId, cancellationToken);
        if (digest is null)
        {
            return new DigestPostResult(DigestPostOutcome.NotFound, null, 0, "No such digest in this server.");
        }

        if (digest.Status == DigestStatus.Posted)
        {
            return new DigestPostResult(DigestPostOutcome.AlreadyPosted, digest, 0, null);
        }

        if (rest is null)
        {
            return new DigestPostResult(DigestPostOutcome.NoDiscord, digest, 0,
                "Demo mode: there is no Discord server to post to. Set Discord:Token to connect a bot; the preview shows what would be posted.");
        }

        if (digest.PostedChannelId is { } started && started != (long)channelId && digest.MessageIds.Count > 0)
        {
            return new DigestPostResult(DigestPostOutcome.StartedInOtherChannel, digest, 0,
                $"Part of this digest is already posted in channel {started}; post again to that channel to complete it.");
        }

        if (!await db.Channels.AnyAsync(c => c.GuildId == (long)guildId && c.ChannelId == (long)channelId, cancellationToken))
        {
            return new DigestPostResult(DigestPostOutcome.ChannelNotInGuild, digest, 0, "That channel is not a channel of this server.");
        }

        var messages = DigestEmbedSplitter.Split(digest.Markdown);
        var sent = new List<string>(digest.MessageIds);
        var sentNow = 0;
        for (var part = sent.Count; part < messages.Count; part++)
        {
            string messageId;
            try
            {
                messageId = await SendAsync(channelId, digestId, part, messages[part], cancellationToken);
            }
            catch (Exception ex) when (ex is DiscordRestException or HttpRequestException
                || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                digest.LastError = Explain(ex as DiscordRestException);
                await db.SaveChangesAsync(CancellationToken.None);
                LogPostFailed(logger, digestId, guildId, channelId, part, (int?)(ex as DiscordRestException)?.StatusCode);
                return new DigestPostResult(DigestPostOutcome.DiscordFailed, digest, sentNow, digest.LastError);
            }

            // Progress is stored before the next part, so a crash or failure resumes exactly here.
            sent.Add(messageId);
            sentNow++;
            digest.PostedMessageIds = string.Join(',', sent);
            digest.PostedChannelId = (long)channelId;
            digest.PostedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
            digest.Status = part == messages.Count - 1 ? DigestStatus.Posted : DigestStatus.Partial;
            digest.LastError = null;
            await db.SaveChangesAsync(CancellationToken.None);
        }

        if (messages.Count == 0)
        {
            digest.Status = DigestStatus.Posted;
            digest.PostedChannelId = (long)channelId;
            digest.PostedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
            await db.SaveChangesAsync(CancellationToken.None);
        }

        LogPosted(logger, digestId, guildId, channelId, sentNow);
        return new DigestPostResult(DigestPostOutcome.Posted, digest, sentNow, null);
    }

    private async Task<string> SendAsync(ulong channelId, long digestId, int part, DigestMessage message, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["embeds"] = Embeds(message),
            ["allowed_mentions"] = NoMentions(),
            ["nonce"] = Nonce(digestId, part),
            ["enforce_nonce"] = true,
        };
        var id = channelId.ToString(CultureInfo.InvariantCulture);
        var route = DiscordRoute.Post("/channels/{channel_id}/messages", $"/channels/{id}/messages", channelId, JsonSerializer.SerializeToUtf8Bytes(body));
        using var answer = await rest!.SendJsonAsync(route, cancellationToken);
        return Json.String(answer.RootElement, "id") is { Length: > 0 } messageId
            ? messageId
            : throw new DiscordRestException("Discord answered the message post without a message id.");
    }

    /// <summary>A message's embeds as Discord takes them (a post and an edit send the same).</summary>
    private static JsonArray Embeds(DigestMessage message)
    {
        var embeds = new JsonArray();
        foreach (var embed in message.Embeds)
        {
            var node = new JsonObject { ["color"] = EmbedColor };
            if (embed.Title is not null)
            {
                node["title"] = embed.Title;
            }

            if (embed.Description.Length > 0)
            {
                node["description"] = embed.Description;
            }

            embeds.Add(node);
        }

        return embeds;
    }

    private static JsonObject NoMentions() => new() { ["parse"] = new JsonArray() };

    /// <summary>At most 25 characters (Discord's nonce limit), unique per digest part.</summary>
    internal static string Nonce(long digestId, int part) => $"dg{digestId}.{part}";

    private static string Explain(DiscordRestException? ex) => ex?.StatusCode switch
    {
        HttpStatusCode.Forbidden => "Discord refused (403 Missing Permissions): give the bot View Channel, Send Messages and Embed Links in that channel, then post again.",
        HttpStatusCode.NotFound => "Discord does not know that channel (404): it was deleted, or the bot cannot see it.",
        HttpStatusCode.Unauthorized => "Discord rejected the bot token (401). Set a valid Discord:Token and restart.",
        HttpStatusCode.TooManyRequests => "Discord kept rate limiting the bot; post again in a few minutes.",
        HttpStatusCode.BadRequest => "Discord refused the message as invalid (400).",
        { } status => $"Discord answered {(int)status}; post again later.",
        null => "Discord could not be reached; post again later.",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {DigestId} of guild {GuildId} posted to channel {ChannelId} ({Sent} messages sent now)")]
    private static partial void LogPosted(ILogger logger, long digestId, ulong guildId, ulong channelId, int sent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting digest {DigestId} of guild {GuildId} to channel {ChannelId} stopped at part {Part} (status {Status})")]
    private static partial void LogPostFailed(ILogger logger, long digestId, ulong guildId, ulong channelId, int part, int? status);
}
