using System.Collections.Concurrent;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.SupportCommits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>
/// The mentors' help threads, questions, replies and answers' reactions in memory, per guild (<see cref="HeldMentors"/>),
/// so a call takes a window's kept sums (<see cref="KeptMentorWindow"/>) and a reload after a live event costs what the
/// event changed, not the window. The writer tells each commit (<see cref="ISupportListener"/>: the threads and channel
/// stretches whose support facts it recomputed, the messages whose reactions changed, with the guild's new stored
/// version); a guild held at exactly the version before takes it as pending, and the next read re-reads just those
/// threads, the channel's questions and replies the change can reach, and those messages' reactions. Before every read the stored version (<c>supportVersions</c>) and the help
/// channels are compared with what is held; any difference (another writer, a missed commit, a changed setting, a window
/// starting before what is held) reads the guild's items again, whole, from the window's first UTC midnight on.
/// </summary>
public sealed partial class MentorIndex(ILogger<MentorIndex> logger) : ISupportListener
{
    private readonly ConcurrentDictionary<long, MentorEntry> _entries = new();
    private long _wholeReads;

    /// <summary>How many times a guild's items were read whole (tests tell a kept read from a fresh one by it).</summary>
    public long WholeReads => Interlocked.Read(ref _wholeReads);

    /// <summary>Never fails the writer: a commit that cannot be taken marks the guild's items stale.</summary>
    public void Committed(IReadOnlyList<SupportCommit> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        foreach (var commit in commits)
        {
            if (!_entries.TryGetValue(commit.Guild, out var entry))
            {
                continue;
            }

            lock (entry.Gate)
            {
                if (entry.Version == commit.Version - 1 && !commit.Everything && !entry.Stale)
                {
                    entry.Version = commit.Version;
                    var pending = entry.Pending;
                    pending.Threads.UnionWith(commit.Threads);
                    pending.Reacted.UnionWith(commit.Reacted);
                    foreach (var (channel, from) in commit.Channels)
                    {
                        pending.Channels[channel] = pending.Channels.TryGetValue(channel, out var earlier) ? Math.Min(earlier, from) : from;
                    }
                }
                else
                {
                    entry.Stale = true;
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="select"/> over every candidate's figures over the help threads and questions started in
    /// [<paramref name="startAt"/>, <paramref name="endAt"/>), best first (<see cref="KeptMentorWindow.BestFirst"/>): the
    /// window's kept sums, used only inside the call.
    /// </summary>
    internal Task<T> RankedAsync<T>(
        AnalyticsDbContext db, long guild, List<long> helpChannels, long startAt, long endAt, Func<IReadOnlySet<MentorScore>, T> select, CancellationToken cancellationToken) =>
        ReadAsync(db, guild, helpChannels, startAt, held => select(held.Window(startAt, endAt).Ranked), cancellationToken);

    /// <summary>
    /// How many human help threads and questions were started in [<paramref name="startAt"/>, <paramref name="endAt"/>), per
    /// help channel and UTC quarter hour (its start, epoch ms).
    /// </summary>
    internal Task<List<(long Channel, long QuarterHourAt, int Count)>> StartsAsync(
        AnalyticsDbContext db, long guild, List<long> helpChannels, long startAt, long endAt, CancellationToken cancellationToken) =>
        ReadAsync(db, guild, helpChannels, startAt, held => Starts(held, startAt, endAt), cancellationToken);

    private async Task<T> ReadAsync<T>(
        AnalyticsDbContext db, long guild, List<long> helpChannels, long startAt, Func<HeldMentors, T> answer, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(guild, _ => new MentorEntry());
        await entry.Reading.WaitAsync(cancellationToken);
        try
        {
            var key = string.Join(',', helpChannels.Order());
            var stored = await db.SupportVersions.Where(v => v.GuildId == guild).Select(v => (long?)v.Version).FirstOrDefaultAsync(cancellationToken) ?? 0;
            var from = HeldMentors.DayStart(startAt);
            HeldMentors? held;
            var pending = new MentorChanges();
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
                held = await ReadWholeAsync(db, guild, helpChannels, from, key, cancellationToken);
                lock (entry.Gate)
                {
                    entry.Held = held;
                }
            }
            else
            {
                await ApplyAsync(db, guild, helpChannels, held, pending, cancellationToken);
            }

            return answer(held);
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

    private async Task<HeldMentors> ReadWholeAsync(AnalyticsDbContext db, long guild, List<long> helpChannels, long from, string key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _wholeReads);
        var held = new HeldMentors(from, key);
        var questions = new List<HeldAsked>();
        foreach (var channel in helpChannels)
        {
            // Replies first: each question added after them counts its own.
            foreach (var reply in await MentorReads.RepliesAsync(db, guild, channel, from, cancellationToken))
            {
                held.AddReply(reply);
            }

            questions.AddRange(await MentorReads.QuestionsAsync(db, guild, channel, from, cancellationToken));
        }

        foreach (var item in questions.Concat(await MentorReads.ThreadsAsync(db, guild, helpChannels, from, null, cancellationToken)))
        {
            held.Add(item);
        }

        await ReadReactionsAsync(db, guild, held, held.TakeUnread(), cancellationToken);
        return held;
    }

    /// <summary>Re-reads the threads told changed, each changed help channel's questions and replies from where the change can reach, and the reacted answers.</summary>
    private static async Task ApplyAsync(AnalyticsDbContext db, long guild, List<long> helpChannels, HeldMentors held, MentorChanges pending, CancellationToken cancellationToken)
    {
        if (pending.Threads.Count > 0)
        {
            List<long> ids = [.. pending.Threads];
            var read = (await MentorReads.ThreadsAsync(db, guild, helpChannels, held.From, ids, cancellationToken)).ToDictionary(t => t.Id);
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

            // The questions asked and replies posted from the change on, and the few held questions before it that it may reach.
            var from = Math.Max(held.From, changedFrom);
            var open = held.QuestionsOpenBefore(channel, from);
            held.SetQuestions(channel, from, await MentorReads.QuestionsAsync(db, guild, channel, from, cancellationToken));
            if (open.Count > 0)
            {
                held.ReplaceQuestions(open, await MentorReads.QuestionsAsync(db, guild, open, cancellationToken));
            }

            held.SetReplies(channel, from, await MentorReads.RepliesAsync(db, guild, channel, from, cancellationToken));
        }

        var unread = held.TakeUnread();
        unread.AddRange(pending.Reacted.Where(m => held.IsAnswer(m) && !unread.Contains(m)));
        await ReadReactionsAsync(db, guild, held, unread, cancellationToken);
    }

    private static async Task ReadReactionsAsync(AnalyticsDbContext db, long guild, HeldMentors held, List<long> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var authors = messages.Distinct().ToDictionary(m => m, m => held.Messages[m].Author);
        foreach (var (message, reactions) in await MentorReads.ReactionsAsync(db, guild, authors, cancellationToken))
        {
            held.SetReactions(message, reactions);
        }
    }

    private static List<(long Channel, long QuarterHourAt, int Count)> Starts(HeldMentors held, long startAt, long endAt)
    {
        var starts = new List<(long, long, int)>();
        for (var dayStart = HeldMentors.DayStart(startAt); dayStart < endAt; dayStart += 86_400_000)
        {
            if (held.Summary((int)(dayStart / 86_400_000), startAt, endAt) is not { } summary)
            {
                continue;
            }

            foreach (var (channel, counts) in summary.Starts)
            {
                for (var i = 0; i < counts.Length; i++)
                {
                    if (counts[i] > 0)
                    {
                        starts.Add((channel, dayStart + (i * 900_000L), counts[i]));
                    }
                }
            }
        }

        return starts;
    }

    private static void Drop(MentorEntry entry)
    {
        lock (entry.Gate)
        {
            entry.Held = null;
            entry.Stale = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mentors of guild {GuildId} dropped after a failed read; read again on the next call")]
    private static partial void LogDropped(ILogger logger, Exception exception, long guildId);
}
