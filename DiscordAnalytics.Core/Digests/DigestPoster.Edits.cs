using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiscordAnalytics.Core.Discord.Rest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Digests;

/// <summary>
/// Editing posted digests: when a digest's stored text is scrubbed after it was posted (a member was forgotten), the
/// messages in Discord still show the old text until they are edited to the new one.
/// </summary>
public sealed partial class DigestPoster
{
    /// <summary>What a posted message shows when the scrubbed text needs fewer messages than were posted.</summary>
    public const string RemovedPartText = "This part of the digest was removed.";

    /// <summary>
    /// Edits the posted messages of every digest marked <see cref="Digest.EditPending"/> to its stored text
    /// (<c>PATCH /channels/{c}/messages/{m}</c> through the REST client and its rate-limit buckets) and clears the mark
    /// once all of a digest's messages are edited. A message Discord no longer has (404) shows nothing to edit. A failure
    /// keeps the mark and says why in <see cref="Digest.LastError"/>, so the next run tries again (an edit sent twice
    /// leaves the same message). Without a REST client (demo mode) nothing can be edited. Returns how many digests still
    /// wait for their edit.
    /// </summary>
    public async Task<int> EditPendingAsync(CancellationToken cancellationToken)
    {
        List<long> pending;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            pending = await db.Digests.Where(d => d.EditPending).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
        }

        if (rest is null)
        {
            return pending.Count;
        }

        var left = 0;
        foreach (var digestId in pending)
        {
            // The post lock: an edit and a resumed post of the same digest must not interleave their parts.
            var gate = _postLocks.GetOrAdd(digestId, static _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (!await EditLockedAsync(digestId, cancellationToken))
                {
                    left++;
                }
            }
            finally
            {
                gate.Release();
            }
        }

        return left;
    }

    /// <summary>Edits one digest's posted messages; false when an edit failed (the mark stays).</summary>
    private async Task<bool> EditLockedAsync(long digestId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var digest = await db.Digests.FirstOrDefaultAsync(d => d.Id == digestId && d.EditPending, cancellationToken);
        if (digest is null)
        {
            return true;
        }

        var ids = digest.MessageIds;
        var parts = DigestEmbedSplitter.Split(digest.Markdown);
        if (digest.PostedChannelId is { } channel)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var body = i < parts.Count
                    ? new JsonObject { ["embeds"] = Embeds(parts[i]), ["allowed_mentions"] = NoMentions() }
                    : new JsonObject { ["content"] = RemovedPartText, ["embeds"] = new JsonArray(), ["allowed_mentions"] = NoMentions() };
                try
                {
                    await EditAsync((ulong)channel, ids[i], body, cancellationToken);
                }
                catch (DiscordRestException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
                {
                    // Deleted (or its channel is): nothing in Discord shows the old text any more.
                }
                catch (Exception ex) when (ex is DiscordRestException or HttpRequestException
                    || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    var status = (ex as DiscordRestException)?.StatusCode;
                    digest.LastError = status is { } s
                        ? $"Editing the posted messages to the scrubbed text failed (Discord answered {(int)s}); it is tried again every few minutes."
                        : "Editing the posted messages to the scrubbed text failed (Discord could not be reached); it is tried again every few minutes.";
                    await db.SaveChangesAsync(CancellationToken.None);
                    LogEditFailed(logger, digestId, digest.GuildId, i, (int?)status);
                    return false;
                }
            }
        }

        digest.EditPending = false;
        digest.LastError = null;
        if (parts.Count > ids.Count && digest.Status == DigestStatus.Posted)
        {
            // A placeholder longer than the name it replaced pushed text past a message's limit: posting again sends the rest.
            digest.Status = DigestStatus.Partial;
            digest.LastError = "The scrubbed text needs more messages than were posted; post again to send the rest.";
        }

        await db.SaveChangesAsync(CancellationToken.None);
        LogEdited(logger, digestId, digest.GuildId, ids.Count);
        return true;
    }

    private async Task EditAsync(ulong channelId, string messageId, JsonObject body, CancellationToken cancellationToken)
    {
        var channel = channelId.ToString(CultureInfo.InvariantCulture);
        var route = DiscordRoute.Patch(
            "/channels/{channel_id}/messages/{message_id}",
            $"/channels/{channel}/messages/{Uri.EscapeDataString(messageId)}",
            channelId,
            JsonSerializer.SerializeToUtf8Bytes(body));
        using var answer = await rest!.SendJsonAsync(route, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {DigestId} of guild {GuildId}: {Messages} posted messages edited to the scrubbed text")]
    private static partial void LogEdited(ILogger logger, long digestId, long guildId, int messages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Editing digest {DigestId} of guild {GuildId} stopped at message {Part} (status {Status}); the next run tries again")]
    private static partial void LogEditFailed(ILogger logger, long digestId, long guildId, int part, int? status);
}
