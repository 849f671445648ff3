using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Analytics.SupportEventStream;

namespace DiscordAnalytics.Tests.Analytics.Mentors;

/// <summary>The random support stream the mentors' tests read, with reactions on its messages.</summary>
internal static class MentorsEventStream
{
    /// <summary>The support stream with reactions on a third of its messages, shuffled into it (some late, some twice).</summary>
    public static (List<IngestEvent> Setup, List<IngestEvent> Activity) WithReactions(int seed, long nowMs)
    {
        var (setup, activity, _) = Generate(seed, nowMs, days: 30);
        var random = new Random(seed);
        var reactors = Humans.Append(Moderator).Append(Bot).ToArray();
        var reactions = new List<IngestEvent>();
        foreach (var message in activity.Where(e => e.Type == IngestEventType.MessageCreate).DistinctBy(e => e.MessageId).Where(_ => random.NextDouble() < 0.35).ToList())
        {
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                var reactor = reactors[random.Next(reactors.Length)];
                var at = message.EventAt + random.Next(1, 3_600_000);
                var add = TestEvents.Reaction(GuildId, message.ChannelId!.Value, message.MessageId!.Value, reactor, at, i % 2 == 0 ? "👍" : "✅") with { IsBot = reactor == Bot };
                reactions.Add(add);
                if (random.NextDouble() < 0.2)
                {
                    reactions.Add(add with { Type = IngestEventType.ReactionRemove, EventAt = at + 60_000 });
                    if (random.NextDouble() < 0.5)
                    {
                        reactions.Add(add with { EventAt = at + 120_000 });
                    }
                }
            }
        }

        reactions.AddRange(reactions.Where(_ => random.NextDouble() < 0.1).ToList());
        var mixed = new List<IngestEvent>(activity);
        foreach (var reaction in reactions)
        {
            // Mostly after their message's place, sometimes anywhere (before the message, or at the very end).
            var after = mixed.FindIndex(e => e.MessageId == reaction.MessageId && e.Type == IngestEventType.MessageCreate);
            var from = random.NextDouble() < 0.15 ? 0 : Math.Max(after + 1, 0);
            mixed.Insert(random.Next(from, mixed.Count + 1), reaction);
        }

        return (setup, mixed);
    }
}
