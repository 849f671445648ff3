using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// A deterministic, realistic mix of normalized events for the ingestion benchmark: mostly messages and
/// reactions over 90 days, with removals, edits, deletes, threads and member churn.
/// </summary>
public static class BenchEventStream
{
    public const ulong GuildId = 900_000_000_000_000_001;

    public static List<IngestEvent> Generate(int count, int seed, long endAt)
    {
        var random = new Random(seed);
        var events = new List<IngestEvent>(count + 64);
        const int channels = 40;
        const int users = 2_000;
        var startAt = endAt - (90 * 86_400_000L);
        var step = (endAt - startAt) / Math.Max(1, count);
        var recent = new List<(ulong Message, ulong Channel)>(1024);
        events.Add(new IngestEvent { Type = IngestEventType.GuildUpsert, GuildId = GuildId, EventAt = startAt, Name = "Bench guild" });
        for (var c = 1; c <= channels; c++)
        {
            events.Add(new IngestEvent { Type = IngestEventType.ChannelUpsert, GuildId = GuildId, EventAt = startAt, ChannelId = (ulong)(1000 + c), Name = $"channel-{c}", ChannelType = 0 });
        }

        ulong lastId = 0;
        var now = startAt;
        while (events.Count < count)
        {
            now += step;
            var user = (ulong)(10_000 + ZipfIndex(random, users));
            var isBot = user % 97 == 0;
            var roll = random.Next(100);
            if (roll < 55 || recent.Count == 0)
            {
                var id = Math.Max(Snowflake.FromUnixMs(now), lastId + 1);
                lastId = id;
                var channel = (ulong)(1001 + ZipfIndex(random, channels));
                events.Add(new IngestEvent
                {
                    Type = IngestEventType.MessageCreate, GuildId = GuildId, EventAt = Snowflake.ToUnixMs(id), ChannelId = channel,
                    MessageId = id, UserId = user, IsBot = isBot, Excerpt = "bench message with a short excerpt of text",
                });
                if (recent.Count == 1024)
                {
                    recent.RemoveAt(0);
                }

                recent.Add((id, channel));
                continue;
            }

            var (message, messageChannel) = recent[recent.Count - 1 - random.Next(recent.Count)];
            var emoji = random.Next(4) switch { 0 => "👍", 1 => "🔥", 2 => "😂", _ => "party:123456789012345678" };
            events.Add(roll switch
            {
                < 85 => new IngestEvent { Type = IngestEventType.ReactionAdd, GuildId = GuildId, EventAt = now, ChannelId = messageChannel, MessageId = message, UserId = user, IsBot = isBot, Emoji = emoji },
                < 90 => new IngestEvent { Type = IngestEventType.ReactionRemove, GuildId = GuildId, EventAt = now, ChannelId = messageChannel, MessageId = message, UserId = user, Emoji = emoji },
                < 94 => new IngestEvent { Type = IngestEventType.MessageUpdate, GuildId = GuildId, EventAt = now, ChannelId = messageChannel, MessageId = message, EditedAt = now, Excerpt = "edited bench message" },
                < 97 => new IngestEvent { Type = IngestEventType.MessageDelete, GuildId = GuildId, EventAt = now, ChannelId = messageChannel, MessageId = message },
                < 98 => new IngestEvent { Type = IngestEventType.ThreadCreate, GuildId = GuildId, EventAt = now, ChannelId = message, ParentId = messageChannel, UserId = user, Name = "thread", ChannelType = 11 },
                < 99 => new IngestEvent { Type = IngestEventType.MemberAdd, GuildId = GuildId, EventAt = now, UserId = user, Name = $"user-{user}" },
                _ => new IngestEvent { Type = IngestEventType.MemberRemove, GuildId = GuildId, EventAt = now, UserId = user },
            });
        }

        return events;
    }

    /// <summary>A long-tailed index in [0, n): a few members and channels do most of the talking.</summary>
    private static int ZipfIndex(Random random, int n)
    {
        var u = random.NextDouble();
        return Math.Min(n - 1, (int)(n * Math.Pow(u, 3)));
    }
}
