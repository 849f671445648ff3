using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// On PostgreSQL the writer reads some state once per batch instead of once per event, and keeps it up to date in
/// memory while the batch writes: the role state of the members it observes (<c>RoleStatesOnPostgres</c>), the stored
/// facts its edits change (queued, not waited for: <c>AbsentFacts.KnowsEdit</c>), which reaction adds are certainly
/// new, and the stored reactions its removals take (<c>StoredReactionsOfRemovals</c>). SQLite runs every statement one event at a time, as it always did. The same seeded stream (duplicates, late and
/// out-of-order events, edits before creates and of messages never seen, removals before adds, role deletes and a
/// forget between the observations of one batch), written in the same batches to both, must leave the same rows.
/// </summary>
public sealed class PostgresBatchReadsTests
{
    private const ulong G = 9_600;
    private const ulong Channel10 = 10;
    private static readonly ulong[] Roles = [101, 102, 103, 104];
    private static readonly long Start = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Theory]
    [InlineData(1, 400)]
    [InlineData(2, 37)]
    [InlineData(3, 5)]
    public async Task Write_SameStreamInSameBatches_PostgresLeavesTheRowsSqliteLeaves(int seed, int batchSize)
    {
        var (before, stream) = Generate(new Random(seed));
        var (rows, _) = await WriteOnBothAsync(before, stream, batchSize);

        Assert.True(rows[1].Count > 100, $"the stream stores rows ({rows[1].Count})");
        var differences = rows[0].Except(rows[1]).Select(r => "SQLite only: " + r)
            .Concat(rows[1].Except(rows[0]).Select(r => "PostgreSQL only: " + r)).Take(10).ToList();
        Assert.True(differences.Count == 0, $"seed {seed}, batches of {batchSize}:\n{string.Join('\n', differences)}");
    }

    /// <summary>
    /// The removals known from the batch's start (<c>StoredReactionsOfRemovals</c>): in one batch a stored reaction is
    /// removed, added again and removed again, a removal arrives twice and one arrives late (older than the add it would
    /// undo), a never-stored reaction is removed before its older add arrives, a stored reaction's message is deleted
    /// before its removal, and another member's removal follows a forget. Both providers end with the same rows and the
    /// reaction counts this stream leaves: 👍 by 1 and 🔥 by 2 on the first message (removed, added, removed: none of
    /// them), 👍 by 3 on the second (its late removal is older than the re-add), nothing on the deleted third.
    /// </summary>
    [Theory]
    [InlineData(100)]
    [InlineData(1)]
    public async Task Write_RemovalsOfStoredReactions_PostgresLeavesTheRowsAndCountsSqliteLeaves(int batchSize)
    {
        var at = Start + 1_000;
        var (first, second, third) = (MessageId(at, 1), MessageId(at, 2), MessageId(at, 3));
        var before = new List<IngestEvent>
        {
            Guild(G, "Batch reads", Start), Channel(G, Channel10, "general", Start),
            Message(G, Channel10, 1, at, 1), Message(G, Channel10, 2, at, 2), Message(G, Channel10, 3, at, 3),
            Reaction(G, Channel10, first, 1, at + 10), Reaction(G, Channel10, first, 2, at + 11, "🔥"),
            Reaction(G, Channel10, second, 3, at + 12), Reaction(G, Channel10, third, 4, at + 13), Reaction(G, Channel10, third, 5, at + 14),
        };
        var t = at + 60_000;
        var stream = new List<IngestEvent>
        {
            Remove(first, 1, "👍", t + 1), Remove(first, 1, "👍", t + 1), Reaction(G, Channel10, first, 1, t + 2), Remove(first, 1, "👍", t + 3),
            Remove(first, 2, "🔥", t + 4),
            Reaction(G, Channel10, second, 3, t + 5), Remove(second, 3, "👍", t + 4),
            Remove(second, 6, "👍", t + 6), Reaction(G, Channel10, second, 6, t + 5),
            Delete(G, Channel10, third, t + 7), Remove(third, 4, "👍", t + 8),
            Forget(G, 9, t + 9), Remove(third, 5, "👍", t + 10),
        };
        var (rows, counts) = await WriteOnBothAsync(before, stream, batchSize);

        Assert.Equal([1L, 1L], counts.Select(c => c.Reactions));
        Assert.Equal(rows[0], rows[1]);
    }

    /// <summary>
    /// The deletes known from the batch's start (<c>StoredMessagesOfDeletes</c>): stored messages with present, removed and
    /// anonymously counted reactions deleted (one delivered twice), one deleted after a reaction and an edit of the batch
    /// named it, the delete stored before delivered again, one never seen (a tombstone whose late create then counts
    /// nothing), one after a forget. Both providers end with the same rows and the counts this stream leaves: of the six
    /// stored messages only the untouched sixth still counts, with its one reaction, and six deletes count.
    /// </summary>
    [Theory]
    [InlineData(100)]
    [InlineData(1)]
    public async Task Write_DeletesOfStoredMessages_PostgresLeavesTheRowsAndCountsSqliteLeaves(int batchSize)
    {
        var at = Start + 1_000;
        var ids = Enumerable.Range(1, 6).Select(n => MessageId(at, (ulong)n)).ToArray();
        var before = new List<IngestEvent> { Guild(G, "Batch reads", Start), Channel(G, Channel10, "general", Start) };
        before.AddRange(ids.Select((m, i) => Message(G, Channel10, (ulong)(i + 1), at, (ulong)(i + 1))));
        before.AddRange(ids.Select((m, i) => Reaction(G, Channel10, m, 7, at + 10 + i)));
        before.Add(Remove(ids[0], 7, "👍", at + 20));
        before.Add(Reaction(G, Channel10, ids[0], 8, at + 21, "🔥"));
        before.Add(new IngestEvent { Type = IngestEventType.ReactionCount, GuildId = G, ChannelId = Channel10, MessageId = ids[1], Emoji = "🎉", Count = 3, EventAt = at + 22 });
        before.Add(Delete(G, Channel10, ids[3], at + 23));
        var t = at + 60_000;
        var unseen = MessageId(at + 30, 9);
        var stream = new List<IngestEvent>
        {
            Delete(G, Channel10, ids[0], t + 1), Delete(G, Channel10, ids[0], t + 1), Delete(G, Channel10, ids[1], t + 2),
            Reaction(G, Channel10, ids[2], 8, t + 3), Edit(G, Channel10, ids[2], 3, t + 4, "edited"), Delete(G, Channel10, ids[2], t + 5),
            Delete(G, Channel10, ids[3], t + 6),
            Delete(G, Channel10, unseen, t + 7), Message(G, Channel10, 9, at + 30, 9),
            Forget(G, 99, t + 8), Delete(G, Channel10, ids[4], t + 9),
        };
        var (rows, counts) = await WriteOnBothAsync(before, stream, batchSize);

        // Deletes counted: the one before the stream, then the first, second, third and fifth messages' and the unseen one's.
        Assert.Equal([(1L, 1L, 6L), (1L, 1L, 6L)], counts);
        Assert.Equal(rows[0], rows[1]);
    }

    private static IngestEvent Remove(ulong message, ulong reactor, string emoji, long at) => new()
    {
        Type = IngestEventType.ReactionRemove, GuildId = G, ChannelId = Channel10, MessageId = message, UserId = reactor, Emoji = emoji, EventAt = at,
    };

    /// <summary>
    /// Writes <paramref name="before"/> in one batch, then <paramref name="stream"/> in batches of <paramref name="batchSize"/>,
    /// to a new SQLite store and a new PostgreSQL one; returns each one's rows (<see cref="RowsAsync"/>) and its channel days'
    /// messages, reactions and deletes summed, SQLite's first.
    /// </summary>
    private static async Task<(List<string>[] Rows, (long Messages, long Reactions, long Deleted)[] Counts)> WriteOnBothAsync(
        List<IngestEvent> before, List<IngestEvent> stream, int batchSize)
    {
        var rows = new List<string>[2];
        var counts = new (long Messages, long Reactions, long Deleted)[2];
        var providers = new[] { StoreProvider.Sqlite, StoreProvider.Postgres };
        for (var p = 0; p < providers.Length; p++)
        {
            await using var store = await TempSqliteStore.CreateFromTemplateAsync(providers[p], GuildMode.Live);
            // Stored before: what a batch's reads find at its start.
            await store.WriteInBatchesAsync(before, before.Count);
            await store.WriteInBatchesAsync(stream, batchSize);
            rows[p] = await RowsAsync(store);
            await using var db = store.NewContext();
            var days = await db.ChannelDailyRollups.AsNoTracking().ToListAsync();
            counts[p] = (days.Sum(r => r.MessageCount), days.Sum(r => r.ReactionCount), days.Sum(r => r.DeletedCount));
        }

        return (rows, counts);
    }

    /// <summary>What the batch reads touch, one line per row, in key order.</summary>
    private static async Task<List<string>> RowsAsync(TempSqliteStore store)
    {
        await using var db = store.NewContext();
        var rows = new List<string>();
        rows.AddRange((await db.MemberRoleSpans.AsNoTracking().ToListAsync())
            .Select(s => $"span {s.UserId} {s.RoleId} {s.FromAt} {s.ToAt} {s.HeldWhenFirstSeen}"));
        rows.AddRange((await db.MemberRoleStates.AsNoTracking().ToListAsync()).Select(s => $"state {s.UserId} {s.SeenAt}"));
        rows.AddRange((await db.MessageFacts.AsNoTracking().ToListAsync())
            .Select(m => $"message {m.MessageId} {m.AuthorId} {m.Day} {m.Excerpt} {m.EditedAt} {m.DeletedAt} {m.IsCreated}"));
        rows.AddRange((await db.ReactionFacts.AsNoTracking().ToListAsync())
            .Select(r => $"reaction {r.MessageId} {r.Emoji} {r.UserId} {r.CreatedAt} {r.RemovedAt}"));
        rows.AddRange((await db.KeywordDayVersions.AsNoTracking().ToListAsync()).Select(v => $"keyword day {v.Day} {v.Version}"));
        rows.AddRange((await db.ChannelDailyRollups.AsNoTracking().ToListAsync())
            .Select(r => $"channel day {r.Day} {r.ChannelId} {r.IsBot} {r.MessageCount} {r.ReactionCount}"));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>What is stored before the stream, and the stream in delivery order.</summary>
    private static (List<IngestEvent> Before, List<IngestEvent> Stream) Generate(Random random)
    {
        var users = Enumerable.Range(1, 10).Select(u => (ulong)u).ToArray();
        var before = new List<IngestEvent> { Guild(G, "Batch reads", Start), Channel(G, Channel10, "general", Start) };
        before.AddRange(Roles.Select(r => Role(G, r, $"role-{r}", Start)));
        var stored = new List<ulong>();
        for (var i = 0; i < 12; i++)
        {
            var message = Message(G, Channel10, users[i % 4], Start + 1_000 + i, excerpt: $"stored {i}");
            before.Add(message);
            stored.Add(message.MessageId!.Value);
        }

        before.AddRange(users.Take(5).Select(u => MemberRoles(G, u, Start + 2_000, Pick(random))));
        // Reactions stored before: the removals a batch's start read finds.
        before.AddRange(stored.Take(6).SelectMany((m, i) => users.Take(4).Select(u => Reaction(G, Channel10, m, u, Start + 2_500 + i, i % 2 == 0 ? "👍" : "🔥"))));
        // A delete before its create: a tombstone, no author.
        var tombstone = MessageId(Start + 3_000, 7);
        before.Add(Delete(G, Channel10, tombstone, Start + 3_500));

        var stream = new List<IngestEvent>();
        var created = new List<ulong>();
        var at = Start + 10_000;
        for (var i = 0; i < 600; i++)
        {
            at += random.Next(1, 5_000);
            var user = users[random.Next(users.Length)];
            var roll = random.Next(100);
            IngestEvent e;
            if (roll < 20)
            {
                e = MemberRoles(G, user, at, Pick(random));
            }
            else if (roll < 24)
            {
                e = JoinWithRoles(G, user, at, Pick(random));
            }
            else if (roll < 27)
            {
                e = Leave(G, user, at);
            }
            else if (roll < 28)
            {
                e = RoleDelete(G, Roles[random.Next(Roles.Length)], at);
            }
            else if (roll < 45)
            {
                e = Message(G, Channel10, user, at, (ulong)random.Next(1 << 10), excerpt: $"new {i}");
                created.Add(e.MessageId!.Value);
            }
            else if (roll < 65)
            {
                // An edit of a stored message, of one the stream created, of the tombstone, or of one never seen (its create may follow).
                var kind = random.Next(4);
                var createdAt = at + random.Next(1, 60_000);
                var message = kind switch
                {
                    0 => stored[random.Next(stored.Count)],
                    1 when created.Count > 0 => created[random.Next(created.Count)],
                    2 => tombstone,
                    _ => MessageId(createdAt, 3),
                };
                e = Edit(G, Channel10, message, user, at, $"edit {i}");
                if (message == MessageId(createdAt, 3) && random.Next(2) == 0)
                {
                    stream.Add(e);
                    e = Message(G, Channel10, user, createdAt, 3, excerpt: $"late create {i}");
                    created.Add(message);
                }
            }
            else if (roll < 85)
            {
                var pool = created.Count > 0 && random.Next(2) == 0 ? created : stored;
                e = Reaction(G, Channel10, pool[random.Next(pool.Count)], user, at, random.Next(2) == 0 ? "👍" : "🔥");
            }
            else if (roll < 97)
            {
                var pool = created.Count > 0 && random.Next(2) == 0 ? created : stored;
                e = new IngestEvent
                {
                    Type = IngestEventType.ReactionRemove, GuildId = G, ChannelId = Channel10, MessageId = pool[random.Next(pool.Count)], UserId = user,
                    Emoji = random.Next(2) == 0 ? "👍" : "🔥", EventAt = at,
                };
            }
            else if (roll < 98 && i > 300)
            {
                e = Forget(G, users[^1], at);
            }
            else
            {
                e = Delete(G, Channel10, stored[random.Next(stored.Count)], at);
            }

            stream.Add(e);
            if (random.Next(10) == 0)
            {
                // Delivered twice.
                stream.Add(e);
            }
        }

        // About one in six arrives after a few newer ones (late, out of order).
        for (var i = stream.Count - 1; i > 0; i--)
        {
            if (random.Next(6) == 0)
            {
                var late = stream[i - 1];
                stream.RemoveAt(i - 1);
                stream.Insert(Math.Min(stream.Count, i - 1 + random.Next(1, 6)), late);
            }
        }

        return (before, stream);
    }

    private static ulong[] Pick(Random random) => [.. Roles.Where(_ => random.Next(3) == 0)];
}
