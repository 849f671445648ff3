using System.Collections.Concurrent;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Core.Storage.SupportCommits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>
/// Support signals' help threads and questions in memory, per guild and view (<see cref="HeldSupportItems"/>), so a
/// reload after a live event costs what the event changed, not the window. The ingestion writer tells each commit
/// (<see cref="ISupportListener"/>: the threads and channel stretches whose facts it recomputed, with the guild's new
/// stored version); a guild held at exactly the version before takes it as pending, and the next read re-reads just
/// those threads and the channel's questions the change can reach. Before every read the stored version
/// (<c>supportVersions</c>) and the settings (help channels, escalation roles, period) are compared with what is held;
/// any difference (another writer, a missed commit, a changed setting, a window starting before what is held) reads the
/// guild's items again, whole, from the window's first UTC midnight on.
/// </summary>
public sealed partial class SupportItemIndex(ILogger<SupportItemIndex> logger) : ISupportListener
{
    private readonly ConcurrentDictionary<(long Guild, bool Bots), SupportItemEntry> _entries = new();
    private long _wholeReads;

    /// <summary>How many times a guild's items were read whole (tests tell a kept read from a fresh one by it).</summary>
    public long WholeReads => Interlocked.Read(ref _wholeReads);

    /// <summary>Never fails the writer: a commit that cannot be taken marks the guild's items stale.</summary>
    public void Committed(IReadOnlyList<SupportCommit> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        foreach (var commit in commits)
        {
            foreach (var bots in (ReadOnlySpan<bool>)[false, true])
            {
                if (!_entries.TryGetValue((commit.Guild, bots), out var entry))
                {
                    continue;
                }

                lock (entry.Gate)
                {
                    if (entry.Version == commit.Version - 1 && !commit.Everything && !entry.Stale)
                    {
                        entry.Version = commit.Version;
                        entry.PendingThreads.UnionWith(commit.Threads);
                        foreach (var (channel, from) in commit.Channels)
                        {
                            entry.PendingChannels[channel] = entry.PendingChannels.TryGetValue(channel, out var earlier) ? Math.Min(earlier, from) : from;
                        }
                    }
                    else
                    {
                        entry.Stale = true;
                    }
                }
            }
        }
    }

    /// <summary>The figures of [<paramref name="startAt"/>, <paramref name="endAt"/>) for a guild with help channels.</summary>
    internal async Task<SupportWindowFigures> FiguresAsync(
        AnalyticsDbContext db, long guild, bool bots, List<long> helpChannels, long startAt, long endAt, long now, long periodMs, int listed, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd((guild, bots), _ => new SupportItemEntry());
        await entry.Reading.WaitAsync(cancellationToken);
        try
        {
            var roles = await db.Set<EscalationRole>().Where(r => r.GuildId == guild).Select(r => r.RoleId).ToListAsync(cancellationToken);
            var key = $"{string.Join(',', helpChannels.Order())}|{string.Join(',', roles.Order())}|{periodMs}";
            var stored = await db.SupportVersions.Where(v => v.GuildId == guild).Select(v => (long?)v.Version).FirstOrDefaultAsync(cancellationToken) ?? 0;
            var from = HeldSupportItems.DayStart(startAt);
            HeldSupportItems? held;
            (HashSet<long> Threads, Dictionary<long, long> Channels) pending = ([], []);
            lock (entry.Gate)
            {
                held = entry.Held;
                if (held is not null && !entry.Stale && held.Key == key && held.From <= from && entry.Version == stored)
                {
                    pending = entry.TakePending();
                }
                else
                {
                    // Commits after this version are pending from here on; the rows read below are at least this new.
                    held = null;
                    entry.Held = null;
                    entry.Stale = false;
                    entry.Version = stored;
                    entry.TakePending();
                }
            }

            if (held is null)
            {
                held = await ReadWholeAsync(db, guild, bots, helpChannels, from, key, periodMs, cancellationToken);
                lock (entry.Gate)
                {
                    entry.Held = held;
                }
            }
            else
            {
                await ApplyAsync(db, guild, bots, helpChannels, held, pending, periodMs, cancellationToken);
            }

            return held.Figures(startAt, endAt, now, listed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDropped(logger, ex, guild);
            Drop(entry);
            throw;
        }
        catch
        {
            // Cancelled half way through a change: what is held may be partly changed.
            Drop(entry);
            throw;
        }
        finally
        {
            entry.Reading.Release();
        }
    }

    private async Task<HeldSupportItems> ReadWholeAsync(
        AnalyticsDbContext db, long guild, bool bots, List<long> helpChannels, long from, string key, long periodMs, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _wholeReads);
        var mentions = await SupportEscalationReads.RoleMentionsAsync(db, guild, from, bots, cancellationToken);
        var held = new HeldSupportItems(from, key);
        foreach (var thread in await SupportItemReads.ThreadsAsync(db, guild, bots, helpChannels, from, null, mentions, periodMs, cancellationToken))
        {
            held.SetThread(thread.Facts.ThreadId, thread);
        }

        foreach (var question in await SupportItemReads.QuestionsAsync(db, guild, bots, helpChannels, from, mentions, periodMs, cancellationToken))
        {
            held.AddQuestion(question);
        }

        return held;
    }

    /// <summary>Re-reads the threads told changed, and each changed help channel's questions the change can reach.</summary>
    private static async Task ApplyAsync(
        AnalyticsDbContext db, long guild, bool bots, List<long> helpChannels, HeldSupportItems held, (HashSet<long> Threads, Dictionary<long, long> Channels) pending, long periodMs, CancellationToken cancellationToken)
    {
        if (pending.Threads.Count > 0)
        {
            List<long> ids = [.. pending.Threads];
            var read = (await SupportItemReads.ThreadsAsync(db, guild, bots, helpChannels, held.From, ids, null, periodMs, cancellationToken))
                .ToDictionary(t => t.Facts.ThreadId);
            foreach (var id in ids)
            {
                held.SetThread(id, read.GetValueOrDefault(id));
            }
        }

        foreach (var (channel, changedFrom) in pending.Channels)
        {
            if (!helpChannels.Contains(channel))
            {
                continue;
            }

            // The questions asked from the change on, and the few held ones before it that it may reach (not the channel's day).
            var from = Math.Max(held.From, changedFrom);
            var open = held.QuestionsOpenBefore(channel, from);
            held.SetQuestions(channel, from, await SupportItemReads.QuestionsAsync(db, guild, bots, [channel], from, null, periodMs, cancellationToken));
            if (open.Count > 0)
            {
                held.ReplaceQuestions(open, await SupportItemReads.QuestionsAsync(db, guild, bots, open, periodMs, cancellationToken));
            }
        }
    }

    private static void Drop(SupportItemEntry entry)
    {
        lock (entry.Gate)
        {
            entry.Held = null;
            entry.Stale = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Support items of guild {GuildId} dropped after a failed read; read again on the next call")]
    private static partial void LogDropped(ILogger logger, Exception exception, long guildId);
}
