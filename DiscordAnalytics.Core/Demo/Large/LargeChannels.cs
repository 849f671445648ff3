using DiscordAnalytics.Core.Discord;

namespace DiscordAnalytics.Core.Demo.Large;

/// <summary>
/// The large community's channel list: about 4% categories, 4% forums (help by default), 1% announcement
/// channels (where the bots post), 3% voice, and text channels, a few of them help channels by name. Chat
/// weights are Zipf over the text channels (general, then a long tail), so a few channels carry most messages.
/// </summary>
internal static class LargeChannels
{
    public const string IntroductionsName = "introductions";

    private static readonly string[] Leading = ["general", IntroductionsName, "off-topic", "memes", "showcase", "gaming", "dev-chat", "music"];

    public static IReadOnlyList<LargeChannel> Build(int count, long createdAt, DemoRandom random)
    {
        var categories = Math.Max(2, count / 25);
        var forums = Math.Max(2, count / 25);
        var announcements = Math.Max(1, count / 100);
        var voice = Math.Max(1, count / 33);
        var help = Math.Max(2, count / 40);
        var text = count - categories - forums - announcements - voice;
        var channels = new List<LargeChannel>(count);
        var next = Snowflake.FromUnixMs(createdAt);
        ulong NextId() => ++next;
        var categoryIds = new List<ulong>();
        for (var i = 0; i < categories; i++)
        {
            var id = NextId();
            categoryIds.Add(id);
            channels.Add(new LargeChannel(id, $"category-{i + 1}", ChannelTypes.Category, null, 0));
        }

        ulong Category(int i) => categoryIds[i % categoryIds.Count];

        // Help channels sit at random ranks of the text list (some busy, most quiet), like real servers.
        var helpRanks = new HashSet<int>();
        while (helpRanks.Count < help)
        {
            helpRanks.Add(Leading.Length + random.Next(text - Leading.Length));
        }

        var helpIndex = 0;
        for (var rank = 0; rank < text; rank++)
        {
            var name = rank < Leading.Length ? Leading[rank]
                : helpRanks.Contains(rank) ? (helpIndex++ % 3 == 2 ? $"questions-{helpIndex}" : $"help-{helpIndex}")
                : $"topic-{rank + 1}";
            channels.Add(new LargeChannel(NextId(), name, ChannelTypes.Text, Category(rank), Math.Pow(rank + 1, -1.1)));
        }

        for (var i = 0; i < forums; i++)
        {
            channels.Add(new LargeChannel(NextId(), $"forum-{i + 1}", ChannelTypes.Forum, Category(i), Math.Pow(i + 1, -1.0)));
        }

        for (var i = 0; i < announcements; i++)
        {
            channels.Add(new LargeChannel(NextId(), i == 0 ? "announcements" : $"feed-{i + 1}", ChannelTypes.Announcement, Category(i), 0));
        }

        for (var i = 0; i < voice; i++)
        {
            channels.Add(new LargeChannel(NextId(), $"voice-{i + 1}", ChannelTypes.Voice, Category(i), 0));
        }

        return channels;
    }
}
