using System.Collections.Immutable;
using DiscordAnalytics.Core.Discord;

namespace DiscordAnalytics.Core.Demo;

/// <summary>Builds the demo community's structure (guild, channels, founding members) from a seed.</summary>
internal static class DemoCommunityBuilder
{
    public const int FoundingMembers = 500;
    public const string ModerationBotName = "Guardian";
    public const string MarketBotName = "MarketPulse";
    public const string DeployBotName = "GitBot";

    private static readonly ImmutableArray<(string Category, ImmutableArray<(string Name, int Type, DemoChannelKind Kind, DemoTopic Topic, double Weight)> Channels)> Layout =
    [
        ("Information",
        [
            ("announcements", ChannelTypes.Announcement, DemoChannelKind.Announcements, DemoTopic.Announcements, 0),
            ("rules", ChannelTypes.Text, DemoChannelKind.ReadOnly, DemoTopic.None, 0),
            ("welcome", ChannelTypes.Text, DemoChannelKind.Welcome, DemoTopic.None, 0),
            ("server-guide", ChannelTypes.Text, DemoChannelKind.ReadOnly, DemoTopic.None, 0),
        ]),
        ("Community",
        [
            ("general", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.General, 30),
            ("introductions", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Introductions, 1.2),
            ("off-topic", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.General, 9),
            ("memes", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.General, 4),
            ("showcase", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Dev, 1.5),
            ("events", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.General, 0.6),
            ("feedback", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.General, 0.8),
        ]),
        ("Trading",
        [
            ("market-chat", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Trading, 18),
            ("crypto", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Trading, 8),
            ("stocks", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Trading, 6),
            ("options", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Trading, 2.5),
            ("forex", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Trading, 1.1),
            ("trade-ideas", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Trading, 4.5),
            ("charts", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Trading, 3),
            ("risk-management", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Trading, 0.7),
            ("market-alerts", ChannelTypes.Text, DemoChannelKind.BotFeed, DemoTopic.MarketAlerts, 0),
        ]),
        ("Development",
        [
            ("dev-general", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Dev, 12),
            ("python", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Dev, 5),
            ("csharp", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Dev, 2),
            ("javascript", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Dev, 1.8),
            ("algo-trading", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Dev, 3.5),
            ("api-help", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Support, 2.2),
            ("code-review", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Dev, 0.9),
            ("deployments", ChannelTypes.Text, DemoChannelKind.BotFeed, DemoTopic.Deployments, 0),
        ]),
        ("Support",
        [
            ("help-forum", ChannelTypes.Forum, DemoChannelKind.Forum, DemoTopic.Support, 0),
            ("feature-requests", ChannelTypes.Forum, DemoChannelKind.Forum, DemoTopic.FeatureRequests, 0),
            ("bug-reports", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Support, 1.4),
            ("billing", ChannelTypes.Text, DemoChannelKind.Chat, DemoTopic.Billing, 0.5),
            ("mod-log", ChannelTypes.Text, DemoChannelKind.ModLog, DemoTopic.None, 0),
        ]),
        ("Voice",
        [
            ("Lounge", ChannelTypes.Voice, DemoChannelKind.Voice, DemoTopic.None, 0),
            ("Trading Floor", ChannelTypes.Voice, DemoChannelKind.Voice, DemoTopic.None, 0),
            ("Pair Programming", ChannelTypes.Voice, DemoChannelKind.Voice, DemoTopic.None, 0),
        ]),
    ];

    public static long GuildCreatedAt(DemoRandom random) =>
        DateTimeOffset.Parse("2021-03-14T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()
        + random.NextLong(200 * DemoRhythm.DayMs);

    public static List<DemoChannel> Channels(long guildCreatedAt, DemoRandom random)
    {
        var channels = new List<DemoChannel>();
        var minute = 1;
        foreach (var (category, members) in Layout)
        {
            var categoryId = DemoIds.Make(guildCreatedAt + minute++ * DemoRhythm.MinuteMs, DemoIds.StructureWorker, 0, 0);
            channels.Add(new DemoChannel(categoryId, category, ChannelTypes.Category, null, DemoChannelKind.Category, DemoTopic.None, 0));
            foreach (var (name, type, kind, topic, weight) in members)
            {
                var id = DemoIds.Make(guildCreatedAt + minute++ * DemoRhythm.MinuteMs, DemoIds.StructureWorker, 0, 0);
                // Popularity varies a little with the seed, but stays long-tailed.
                var jittered = weight * (0.8 + 0.4 * random.NextDouble());
                channels.Add(new DemoChannel(id, name, type, categoryId, kind, topic, jittered));
            }
        }

        return channels;
    }

    public static List<DemoMember> Members(long guildCreatedAt, IReadOnlyList<DemoChannel> channels, DemoRandom random)
    {
        var chat = new WeightedTable<ulong>(channels.Where(c => c.Kind == DemoChannelKind.Chat).Select(c => (c.Id, c.Weight)));
        var taken = new HashSet<string>(StringComparer.Ordinal) { ModerationBotName, MarketBotName, DeployBotName };
        var members = new List<DemoMember>(FoundingMembers);
        var botCreatedAt = guildCreatedAt - 30 * DemoRhythm.DayMs;
        members.Add(new DemoMember(DemoIds.Make(botCreatedAt, DemoIds.MemberWorker, 31, 1), ModerationBotName, true, 0, 0, false, []));
        members.Add(new DemoMember(DemoIds.Make(botCreatedAt, DemoIds.MemberWorker, 31, 2), MarketBotName, true, 0, 0, false, []));
        members.Add(new DemoMember(DemoIds.Make(botCreatedAt, DemoIds.MemberWorker, 31, 3), DeployBotName, true, 0, 0, false, []));

        // Activity rank is a random permutation so names and ids do not reveal it.
        var humans = FoundingMembers - members.Count;
        var ranks = Enumerable.Range(0, humans).ToArray();
        for (var i = ranks.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (ranks[i], ranks[j]) = (ranks[j], ranks[i]);
        }

        var accountEpoch = guildCreatedAt - 5 * 365 * DemoRhythm.DayMs;
        for (var i = 0; i < humans; i++)
        {
            var rank = ranks[i];
            // Zipf-like: weight 1/(rank+1)^1.1, and a third of the tail are near-silent lurkers.
            var weight = 1.0 / Math.Pow(rank + 1, 1.1);
            if (rank > 120 && random.Chance(0.35))
            {
                weight *= 0.05;
            }

            var zone = random.Chance(DemoRhythm.ZoneShares[0]) ? 0 : 1;
            var favorites = new[] { chat.Pick(random), chat.Pick(random), chat.Pick(random) };
            var createdAt = accountEpoch + random.NextLong(guildCreatedAt - accountEpoch);
            var id = DemoIds.Make(createdAt, DemoIds.MemberWorker, i >> 12, i & 4095);
            members.Add(new DemoMember(id, DemoNames.Member(random, taken), false, zone, weight, rank < 25 && rank % 4 == 0, favorites));
        }

        return members;
    }
}
