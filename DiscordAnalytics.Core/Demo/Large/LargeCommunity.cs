using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo.Large;

/// <summary>
/// A large simulated guild for the card benchmark (<c>bench cards --scale large</c>): at full scale ~200,000
/// members of whom ~20,000 post or react on a weekday, 500 channels (text, help, forums, announcements, voice),
/// forum help threads and text-channel threads, ~50M events a year (messages, replies, reactions with churn,
/// edits, deletes, joins and leaves, voice sessions, role changes). Activity is skewed like a real community: members and channels follow
/// Zipf-like weights (a few carry most of it), with the demo's day/night rhythm and quieter weekends.
/// Deterministic for (seed, scale, range). Days are generated one at a time and streamed, so a year never
/// sits in memory; a day's follow-ups (reactions, edits, replies) may fall into the next day.
/// </summary>
public sealed partial class LargeCommunity
{
    /// <summary>Cap on a member's chance to be active on a day: even the most active member skips some days.</summary>
    private const double MaxDailyChance = 0.9;

    private const double MemberActivitySkew = 0.75;
    private const double MemberVolumeSkew = 0.55;

    /// <summary>Share of all events that are messages posted by active members outside threads and joins.</summary>
    internal const double ChatMessageShare = 0.55;

    private static readonly long MemberIdBase = 1_546_300_800_000; // 2019-01-01: founding members' accounts
    private static readonly long JoinerIdBase = 1_609_459_200_000; // 2021-01-01: accounts of later joiners
    private static readonly long BotIdBase = 1_514_764_800_000; // 2018-01-01

    public LargeCommunity(int seed, LargeCommunityScale scale)
    {
        if (scale.Validate() is { } problem)
        {
            throw new ArgumentException($"A large community needs {problem}.", nameof(scale));
        }

        Seed = seed;
        Scale = scale;
        var random = new DemoRandom(seed, 18);
        GuildCreatedAt = 1_590_969_600_000 + random.NextLong(30 * DemoRhythm.DayMs); // June 2020
        GuildId = Snowflake.FromUnixMs(GuildCreatedAt) | 1;
        Text = new LargeText(random);
        Channels = LargeChannels.Build(scale.Channels, GuildCreatedAt + DemoRhythm.DayMs, random);
        ChatChannels = new WeightedTable<LargeChannel>(Channels.Where(c => c.Type == ChannelTypes.Text).Select(c => (c, c.Weight)));
        Forums = new WeightedTable<LargeChannel>(Channels.Where(c => c.Type == ChannelTypes.Forum).Select(c => (c, c.Weight)));
        VoiceChannels = new WeightedTable<LargeChannel>(Channels.Where(c => c.Type == ChannelTypes.Voice).Select((c, i) => (c, Math.Pow(i + 1, -1.0))));
        BotChannels = [.. Channels.Where(c => c.Type == ChannelTypes.Announcement)];
        Introductions = Channels.First(c => c.Type == ChannelTypes.Text && c.Name == LargeChannels.IntroductionsName);
        HourTables = [.. Enumerable.Range(0, DemoRhythm.ZoneOffsetsHours.Length)
            .Select(zone => new WeightedTable<int>(Enumerable.Range(0, 24).Select(h => (h, DemoRhythm.WeightAtUtcHour(zone, h)))))];
        Emoji = new WeightedTable<string>(new[] { "👍", "❤️", "😂", "🔥", "🎉", "👀", "✅", "🙏", "😮", "💯", "🚀", "😢" }.Select((e, i) => (e, 1.0 / (i + 1))));

        // Member r (0-based rank) is active on a day with chance min(0.9, a * (r+1)^-0.75) and then posts a
        // geometric number of messages with mean b * (r+1)^-0.55: a and b are solved so an average day has the
        // scale's active members and chat messages.
        var members = scale.Members;
        DailyChance = new float[members];
        MessagesWhenActive = new float[members];
        Zones = new byte[members];
        Favorites = new LargeChannel[members * 2];
        var a = Solve(x => Enumerable.Range(1, members).Sum(r => Math.Min(MaxDailyChance, x * Math.Pow(r, -MemberActivitySkew))), scale.DailyActiveMembers);
        var chatMessages = scale.EventsPerDay * ChatMessageShare;
        var volume = 0.0;
        for (var r = 0; r < members; r++)
        {
            DailyChance[r] = (float)Math.Min(MaxDailyChance, a * Math.Pow(r + 1, -MemberActivitySkew));
            volume += DailyChance[r] * Math.Pow(r + 1, -MemberVolumeSkew);
        }

        var b = chatMessages / volume;
        for (var r = 0; r < members; r++)
        {
            MessagesWhenActive[r] = (float)(b * Math.Pow(r + 1, -MemberVolumeSkew));
            Zones[r] = (byte)(random.Chance(DemoRhythm.ZoneShares[0]) ? 0 : 1);
            Favorites[2 * r] = ChatChannels.Pick(random);
            Favorites[2 * r + 1] = ChatChannels.Pick(random);
        }

        Bots = [Snowflake.FromUnixMs(BotIdBase) + 1, Snowflake.FromUnixMs(BotIdBase) + 2, Snowflake.FromUnixMs(BotIdBase) + 3];
    }

    public int Seed { get; }

    public LargeCommunityScale Scale { get; }

    public ulong GuildId { get; }

    public long GuildCreatedAt { get; }

    public string GuildName => "Megaphone Commons";

    /// <summary>The channels at the start (threads come as events).</summary>
    public IReadOnlyList<LargeChannel> Channels { get; }

    internal LargeText Text { get; }

    internal WeightedTable<LargeChannel> ChatChannels { get; }

    internal WeightedTable<LargeChannel> Forums { get; }

    internal IReadOnlyList<LargeChannel> BotChannels { get; }

    /// <summary>Voice channels, Zipf-weighted: the first few rooms carry most of the talking.</summary>
    internal WeightedTable<LargeChannel> VoiceChannels { get; }

    internal LargeChannel Introductions { get; }

    internal IReadOnlyList<WeightedTable<int>> HourTables { get; }

    internal WeightedTable<string> Emoji { get; }

    internal float[] DailyChance { get; }

    internal float[] MessagesWhenActive { get; }

    internal byte[] Zones { get; }

    /// <summary>Two favourite chat channels per member (2r and 2r+1): most of a member's posts go there.</summary>
    internal LargeChannel[] Favorites { get; }

    internal IReadOnlyList<ulong> Bots { get; }

    public ulong MemberId(int rank) => Snowflake.FromUnixMs(MemberIdBase) + (ulong)rank + 1;

    internal static ulong JoinerId(long day, int index) => Snowflake.FromUnixMs(JoinerIdBase) + (ulong)(day * 4096 + index);

    /// <summary>The guild, every channel, the roles, the invites, the bots and every founding member with their roles, stamped <paramref name="at"/>: what a fresh store needs first.</summary>
    public IEnumerable<IngestEvent> Metadata(long at) =>
        CommunityMetadata.GuildAndChannels(GuildId, GuildName, at, Channels.Select(c => (c.Id, c.Name, c.Type, c.ParentId)))
            .Concat(RoleUpserts(at))
            .Concat(Bots.Select((bot, i) => CommunityMetadata.Member(GuildId, at, bot, $"bot-{i + 1}", isBot: true) with { RoleIds = new[] { BotsRole } }))
            .Concat(Enumerable.Range(0, Scale.Members).Select(r => CommunityMetadata.Member(GuildId, at, MemberId(r), $"member-{r + 1}") with
            {
                RoleIds = FounderRoles(r, Math.DivRem(at, DemoRhythm.DayMs).Quotient),
            }))
            // Last: the invites name their makers, who are members by then.
            .Concat(InviteUpserts(at));

    /// <summary>Metadata stamped <paramref name="fromMs"/>, then every activity event of <paramref name="days"/> days from it, in time order.</summary>
    public IEnumerable<IngestEvent> History(long fromMs, int days) => Metadata(fromMs).Concat(Activity(fromMs, days));

    /// <summary>
    /// Every activity event with <c>fromMs &lt;= EventAt &lt; fromMs + days</c>, in time order, one day generated at
    /// a time (what spills past a day waits for the next one; leaves and role changes wait in a queue until their day).
    /// </summary>
    public IEnumerable<IngestEvent> Activity(long fromMs, int days)
    {
        var toMs = fromMs + days * DemoRhythm.DayMs;
        var firstDay = Math.DivRem(fromMs, DemoRhythm.DayMs).Quotient;
        var lastDay = Math.DivRem(toMs - 1, DemoRhythm.DayMs).Quotient;
        var spill = new List<LargeDayEvent>();
        var later = new PriorityQueue<LargeDayEvent, LargeDayEvent>();
        for (var day = firstDay; day <= lastDay; day++)
        {
            var items = new LargeDay(this, day, later).Generate();
            items.AddRange(spill);
            spill.Clear();
            var dayEnd = (day + 1) * DemoRhythm.DayMs;
            while (later.TryPeek(out var next, out _) && next.At < dayEnd)
            {
                items.Add(later.Dequeue());
            }

            items.Sort();
            foreach (var item in items)
            {
                if (item.At >= dayEnd && day < lastDay)
                {
                    spill.Add(item);
                }
                else if (item.At >= fromMs && item.At < toMs)
                {
                    yield return item.Event;
                }
            }
        }
    }

    /// <summary>The x (increasing function f) with f(x) = target, by bisection.</summary>
    private static double Solve(Func<double, double> f, double target)
    {
        var (low, high) = (0.0, 1.0);
        while (f(high) < target)
        {
            high *= 2;
        }

        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            (low, high) = f(mid) < target ? (mid, high) : (low, mid);
        }

        return (low + high) / 2;
    }
}
