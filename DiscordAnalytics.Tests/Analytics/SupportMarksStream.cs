using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using static DiscordAnalytics.Tests.Analytics.SupportEventStream;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// <see cref="SupportEventStream"/> with what escalations and resolution read laid over it: a moderator role and
/// another role mentioned by a share of the messages (every copy of a message alike), the forum's tags (one named
/// solved), and thread updates (archived at a time, locked, tagged) delivered out of order, some twice.
/// </summary>
public static class SupportMarksStream
{
    public const ulong ModRole = 8_850;
    public const ulong OtherRole = 8_851;
    public const ulong SolvedTag = 8_860;
    public const ulong OtherTag = 8_861;

    public static (List<IngestEvent> Setup, List<IngestEvent> Activity) Generate(int seed, long endAt, int days)
    {
        var (setup, activity, _) = SupportEventStream.Generate(seed, endAt, days);
        var random = new Random(seed + 1_000);
        var setupAt = setup[0].EventAt;
        setup.Add(Role(GuildId, ModRole, "moderators", setupAt));
        setup.Add(Role(GuildId, OtherRole, "members", setupAt));
        setup.Add(Channel(GuildId, Forum, "forum", setupAt, type: ChannelTypes.Forum) with { SolvedTagIds = new RoleIdList([SolvedTag]) });

        var mentions = new Dictionary<ulong, RoleIdList>();
        foreach (var id in activity.Where(e => e.Type == IngestEventType.MessageCreate).Select(e => e.MessageId!.Value).Distinct())
        {
            if (random.NextDouble() < 0.12)
            {
                mentions[id] = random.Next(3) switch { 0 => new RoleIdList([ModRole]), 1 => new RoleIdList([OtherRole]), _ => new RoleIdList([OtherRole, ModRole]) };
            }
        }

        var marked = activity
            .Select(e => e.Type == IngestEventType.MessageCreate && mentions.TryGetValue(e.MessageId!.Value, out var roles) ? e with { MentionedRoleIds = roles } : e)
            .ToList();
        foreach (var create in activity.Where(e => e.Type == IngestEventType.ThreadCreate).DistinctBy(e => e.ChannelId).ToList())
        {
            var isForum = create.ParentId == Forum;
            for (var i = random.Next(-1, 3); i > 0; i--)
            {
                var at = create.EventAt + random.Next(1, 3 * 24 * 60) * 60_000L;
                if (at >= endAt)
                {
                    continue;
                }

                var archived = random.NextDouble() < 0.5;
                long? archivedAt = archived && random.NextDouble() < 0.85 ? at - random.Next(0, 3_600_000) : null;
                var tags = isForum ? new[] { SolvedTag, OtherTag }.Where(_ => random.NextDouble() < 0.35).ToList() : [];
                var update = new IngestEvent
                {
                    Type = IngestEventType.ChannelUpsert, GuildId = GuildId, EventAt = at, ChannelId = create.ChannelId, ParentId = create.ParentId,
                    ChannelType = ChannelTypes.PublicThread, Name = "thread",
                    ThreadStatus = new ThreadStatus(archived, random.NextDouble() < 0.2, archivedAt, new RoleIdList(tags)),
                };

                // Anywhere after the thread's create: late, and out of order with the thread's other updates.
                var after = marked.IndexOf(create) + 1;
                marked.Insert(random.Next(after, marked.Count + 1), update);
                if (random.NextDouble() < 0.3)
                {
                    marked.Insert(random.Next(marked.IndexOf(update) + 1, marked.Count + 1), update);
                }
            }
        }

        return (setup, marked);
    }
}
