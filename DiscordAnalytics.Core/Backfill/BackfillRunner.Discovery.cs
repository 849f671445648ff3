using System.Globalization;
using System.Net;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>Discovery: which channels and threads a run pages, stored once per run with the run's discovery time.</summary>
public sealed partial class BackfillRunner
{
    private async Task DiscoverAsync(IHistorySource source, RunWork work, CancellationToken cancellationToken)
    {
        var run = work.Run;
        var guildId = (ulong)run.GuildId;
        var observedAt = Now();
        var selection = run.ChannelSelection?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();

        work.Execution.CountRequest();
        var channels = await source.GetChannelsAsync(guildId, cancellationToken).ConfigureAwait(false);
        var events = new List<IngestEvent>();
        foreach (var channel in channels)
        {
            events.AddRange(normalizer.NormalizeChannel(guildId, channel, observedAt));
        }

        var parents = channels
            .Select(c => new Found(c, Json.Snowflake(c, "id") ?? 0, Json.Int(c, "type") ?? -1, Json.Snowflake(c, "parent_id")))
            .Where(c => c.Id != 0 && ChannelTypes.IsThreadParent(c.Type) && (selection is null || selection.Contains((long)c.Id)))
            .ToList();
        var parentIds = parents.Select(p => p.Id).ToHashSet();

        work.Execution.CountRequest();
        var threads = new Dictionary<ulong, Found>();
        // A gap repair pages the channels with stored activity, plus every thread Discord lists as active: a thread
        // may have come alive while the app was down in a channel that had none.
        var isGapRepair = run.Kind == BackfillRunKind.GapRepair;
        foreach (var thread in await source.GetActiveThreadsAsync(guildId, cancellationToken).ConfigureAwait(false))
        {
            AddThread(threads, thread, parentIds, selection, any: isGapRepair);
        }

        var skipped = new Dictionary<ulong, string>();
        foreach (var parent in parents)
        {
            try
            {
                await ArchivedThreadsAsync(source, work, parent.Id, threads, parentIds, selection, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordRestException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                skipped[parent.Id] = Reason(ex.StatusCode!.Value);
            }
        }

        foreach (var thread in threads.Values.Where(t => !skipped.ContainsKey(t.ParentId ?? 0)))
        {
            events.AddRange(normalizer.NormalizeChannel(guildId, thread.Element, observedAt));
            var createdAt = Snowflake.ToUnixMs(thread.Id);
            if (createdAt >= run.CutoffAt)
            {
                // Thread ids are their creation time; the gateway's THREAD_CREATE has the same dedupe key.
                events.Add(new IngestEvent
                {
                    Type = IngestEventType.ThreadCreate,
                    GuildId = guildId,
                    EventAt = createdAt,
                    ChannelId = thread.Id,
                    ParentId = thread.ParentId,
                    ChannelType = thread.Type,
                    Name = TextClip.ToLength(Json.String(thread.Element, "name"), IngestEvent.MaxNameLength),
                    UserId = Json.Snowflake(thread.Element, "owner_id"),
                });
            }
        }

        // The member list: a gap repair's joins, and every run's roles when the members intent is granted (a manual run of
        // a live guild; the demo's history writes its own members).
        if (isGapRepair || (_membersIntent && source.Kind == "live"))
        {
            await MemberJoinsAsync(source, work, guildId, observedAt, events, cancellationToken).ConfigureAwait(false);
        }

        foreach (var ingestEvent in events)
        {
            await sink.WriteAsync(ingestEvent, cancellationToken).ConfigureAwait(false);
        }

        await flusher.FlushAsync(cancellationToken).ConfigureAwait(false);

        var rows = new List<BackfillChannel>();
        foreach (var parent in parents)
        {
            var name = Json.String(parent.Element, "name") ?? string.Empty;
            if (skipped.TryGetValue(parent.Id, out var reason))
            {
                rows.Add(Row(run.RunId, run.GuildId, parent, name, rows.Count, BackfillChannelState.Skipped, reason, observedAt));
                continue;
            }

            if (ChannelTypes.IsTextLike(parent.Type))
            {
                rows.Add(Row(run.RunId, run.GuildId, parent, name, rows.Count, BackfillChannelState.Pending, null, observedAt));
            }

            foreach (var thread in threads.Values.Where(t => t.ParentId == parent.Id).OrderByDescending(t => t.Id))
            {
                rows.Add(Row(run.RunId, run.GuildId, thread, TextClip.ToLength(Json.String(thread.Element, "name") ?? string.Empty, IngestEvent.MaxNameLength), rows.Count, BackfillChannelState.Pending, null, observedAt));
            }
        }

        // Threads asked for by id whose parent was not asked for.
        foreach (var thread in threads.Values.Where(t => !parentIds.Contains(t.ParentId ?? 0)).OrderByDescending(t => t.Id))
        {
            rows.Add(Row(run.RunId, run.GuildId, thread, TextClip.ToLength(Json.String(thread.Element, "name") ?? string.Empty, IngestEvent.MaxNameLength), rows.Count, BackfillChannelState.Pending, null, observedAt));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.BackfillChannels.AddRange(rows);
        var stored = await db.BackfillRuns.FindAsync([run.RunId], cancellationToken).ConfigureAwait(false);
        stored!.DiscoveredAt = observedAt;
        run.DiscoveredAt = observedAt;
        await AddRunTimeAsync(db, work, Now(), cancellationToken).ConfigureAwait(false);
        // Rows and the discovery mark in one transaction: a kill before it discovers again, after it never.
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        notifier.Publish(guildId);
    }

    private async Task ArchivedThreadsAsync(IHistorySource source, RunWork work, ulong parentId, Dictionary<ulong, Found> threads, HashSet<ulong> parentIds, HashSet<long>? selection, CancellationToken cancellationToken)
    {
        DateTimeOffset? before = null;
        while (true)
        {
            work.Execution.CountRequest();
            var page = await source.GetArchivedPublicThreadsAsync(parentId, before, cancellationToken).ConfigureAwait(false);
            DateTimeOffset? oldestArchive = null;
            foreach (var thread in page.Threads)
            {
                var archivedAt = Json.Object(thread, "thread_metadata") is { } metadata ? Json.Timestamp(metadata, "archive_timestamp") : null;
                if (archivedAt is { } at)
                {
                    oldestArchive = oldestArchive is { } o && o.ToUnixTimeMilliseconds() <= at ? o : DateTimeOffset.FromUnixTimeMilliseconds(at);
                    if (at < work.Run.CutoffAt)
                    {
                        // Archived before the cut-off: its last message is older than the cut-off too.
                        continue;
                    }
                }

                AddThread(threads, thread, parentIds, selection);
            }

            if (!page.HasMore || oldestArchive is null || oldestArchive.Value.ToUnixTimeMilliseconds() < work.Run.CutoffAt
                || (before is { } b && oldestArchive >= b))
            {
                return;
            }

            before = oldestArchive;
        }
    }

    private static void AddThread(Dictionary<ulong, Found> threads, JsonElement thread, HashSet<ulong> parentIds, HashSet<long>? selection, bool any = false)
    {
        var id = Json.Snowflake(thread, "id") ?? 0;
        var type = Json.Int(thread, "type") ?? -1;
        var parent = Json.Snowflake(thread, "parent_id");
        if (id == 0 || !ChannelTypes.IsThread(type))
        {
            return;
        }

        if (any || parentIds.Contains(parent ?? 0) || selection?.Contains((long)id) == true)
        {
            threads[id] = new Found(thread, id, type, parent);
        }
    }

    private static BackfillChannel Row(long runId, long guildId, Found channel, string name, int position, BackfillChannelState state, string? reason, long now) => new()
    {
        RunId = runId,
        ChannelId = (long)channel.Id,
        GuildId = guildId,
        ParentId = ChannelTypes.IsThread(channel.Type) ? (long?)channel.ParentId : null,
        Name = name,
        IsThread = ChannelTypes.IsThread(channel.Type),
        Position = position,
        State = state,
        SkipReason = reason,
        UpdatedAt = now,
    };

    /// <summary>A channel or thread object from the source with the fields discovery needs.</summary>
    private sealed record Found(JsonElement Element, ulong Id, int Type, ulong? ParentId);
}
