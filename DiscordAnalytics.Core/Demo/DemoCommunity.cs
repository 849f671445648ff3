using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// The simulated Discord guild used when no bot token is configured. Built deterministically from a seed;
/// produces exactly the normalized events a real gateway would. Each UTC day's activity is a pure function
/// of (seed, day), so regenerating an overlapping range (after a restart) yields identical events and ids,
/// and the store's dedupe absorbs the overlap.
/// </summary>
public sealed partial class DemoCommunity
{
    /// <summary>How far back joiners can still matter (leave, post): a day's generator looks this far back.</summary>
    internal const int JoinerLookbackDays = 60;

    private readonly List<DemoChannel> _channels;
    private readonly List<DemoMember> _members;

    private DemoCommunity(int seed)
    {
        Seed = seed;
        var random = new DemoRandom(seed, 1);
        GuildCreatedAt = DemoCommunityBuilder.GuildCreatedAt(random);
        GuildId = DemoIds.Make(GuildCreatedAt, DemoIds.StructureWorker, 0, 0);
        GuildName = DemoNames.GuildNames[random.Next(DemoNames.GuildNames.Length)];
        _channels = DemoCommunityBuilder.Channels(GuildCreatedAt, random);
        _members = DemoCommunityBuilder.Members(GuildCreatedAt, _channels, random);
        CustomEmojis =
        [
            $"stonks:{DemoIds.Make(GuildCreatedAt + DemoRhythm.DayMs, DemoIds.StructureWorker, 1, 0)}",
            $"pepe_hype:{DemoIds.Make(GuildCreatedAt + DemoRhythm.DayMs, DemoIds.StructureWorker, 1, 1)}",
        ];

        ModerationBot = _members.Single(m => m.Name == DemoCommunityBuilder.ModerationBotName);
        MarketBot = _members.Single(m => m.Name == DemoCommunityBuilder.MarketBotName);
        DeployBot = _members.Single(m => m.Name == DemoCommunityBuilder.DeployBotName);
        var humans = _members.Where(m => !m.IsBot).ToList();
        Authors = new WeightedTable<DemoMember>(humans.Select(m => (m, m.Weight)));
        // Reactions are spread wider than messages: many quiet members still react.
        Reactors = new WeightedTable<DemoMember>(humans.Select(m => (m, Math.Sqrt(m.Weight))));
        Helpers = new WeightedTable<DemoMember>(humans.Select(m => (m, m.IsStaff ? m.Weight * 8 + 0.05 : m.Weight)));
        Staff = humans.Where(m => m.IsStaff).ToList();
        ChatChannels = new WeightedTable<DemoChannel>(_channels.Where(c => c.Kind == DemoChannelKind.Chat).Select(c => (c, c.Weight)));
        HourTables = [.. Enumerable.Range(0, DemoRhythm.ZoneOffsetsHours.Length)
            .Select(zone => new WeightedTable<int>(Enumerable.Range(0, 24).Select(h => (h, DemoRhythm.WeightAtUtcHour(zone, h)))))];
        ChannelsById = _channels.ToDictionary(c => c.Id);
        ReactionEmoji = DemoEmoji.Table(CustomEmojis);
        // The few who meet in voice most evenings: the most active third of the top 60 posters talk there.
        VoiceRegulars = [.. humans.OrderByDescending(m => m.Weight).ThenBy(m => m.Id).Take(60).Where((_, i) => i % 3 == 0)];
        VoiceChannels = [.. _channels.Where(c => c.Kind == DemoChannelKind.Voice)];
    }

    public int Seed { get; }

    public ulong GuildId { get; }

    public string GuildName { get; }

    /// <summary>Epoch ms the guild was created (its id's time).</summary>
    public long GuildCreatedAt { get; }

    /// <summary>Categories, text, announcement, forum and voice channels (threads are created as events).</summary>
    public IReadOnlyList<DemoChannel> Channels => _channels;

    /// <summary>The founding roster, bots included. Joiners arrive later as events.</summary>
    public IReadOnlyList<DemoMember> Members => _members;

    /// <summary>The guild's custom emoji in <c>name:id</c> form.</summary>
    public IReadOnlyList<string> CustomEmojis { get; }

    internal DemoMember ModerationBot { get; }

    internal DemoMember MarketBot { get; }

    internal DemoMember DeployBot { get; }

    internal WeightedTable<DemoMember> Authors { get; }

    /// <summary>Members who meet in voice (<see cref="DemoDay"/>'s evening sessions).</summary>
    internal IReadOnlyList<DemoMember> VoiceRegulars { get; }

    internal IReadOnlyList<DemoChannel> VoiceChannels { get; }

    internal WeightedTable<DemoMember> Reactors { get; }

    internal WeightedTable<DemoMember> Helpers { get; }

    internal IReadOnlyList<DemoMember> Staff { get; }

    internal WeightedTable<DemoChannel> ChatChannels { get; }

    internal IReadOnlyList<WeightedTable<int>> HourTables { get; }

    internal IReadOnlyDictionary<ulong, DemoChannel> ChannelsById { get; }

    internal WeightedTable<string> ReactionEmoji { get; }

    public static DemoCommunity Create(int seed) => new(seed);

    public DemoChannel ChannelOf(DemoChannelKind kind, string? name = null) =>
        _channels.First(c => c.Kind == kind && (name is null || c.Name == name));

    /// <summary>
    /// The guild, every channel and category, and the members present at <paramref name="at"/> (founders, and
    /// earlier joiners who will still post), stamped <paramref name="at"/>. Emit these before any activity so names resolve.
    /// </summary>
    public IEnumerable<IngestEvent> Metadata(long at)
    {
        // Joiners from before `at` who will still post need their names; silent ones are named on their join day.
        var present = _members.Select(m => (Member: m, JoinedAt: (long?)null)).Concat(JoinersAround(Math.DivRem(at, DemoRhythm.DayMs).Quotient)
            .Where(j => j.IsMemberAt(at) && j.Member.Weight > 0 && j.ActiveUntil > at)
            .Select(j => (j.Member, JoinedAt: (long?)j.JoinAt)));
        // Members come with their roles, as GUILD_CREATE's members do; the list names everyone the demo knows, so it is a
        // complete one (role filters are exact from the first).
        return WithSolvedTag(CommunityMetadata.GuildAndChannels(GuildId, GuildName, at, _channels.Select(c => (c.Id, c.Name, c.Type, c.ParentId))))
            .Concat(RoleUpserts(at))
            .Concat(present.Select(m => CommunityMetadata.Member(GuildId, at, m.Member.Id, m.Member.Name, m.Member.IsBot) with { RoleIds = RolesOf(m.Member, at, m.JoinedAt) }))
            .Append(Discord.DispatchNormalizer.RoleSnapshotEvent(GuildId, at))
            .Concat(DemoInvites.Metadata(this, at));
    }

    /// <summary>Metadata stamped <paramref name="fromMs"/>, then <see cref="Activity"/> of the range: what a fresh store needs.</summary>
    public IEnumerable<IngestEvent> History(long fromMs, long toMs) => Metadata(fromMs).Concat(Activity(fromMs, toMs));

    /// <summary>
    /// Every activity event with <c>fromMs &lt;= EventAt &lt; toMs</c>, in time order. Deterministic for
    /// (seed, range), and identical on the overlap of any two ranges.
    /// </summary>
    public IEnumerable<IngestEvent> Activity(long fromMs, long toMs)
    {
        if (toMs <= fromMs)
        {
            yield break;
        }

        // A day's follow-ups (reactions, thread replies) may spill into the next day, never further.
        var firstDay = Math.DivRem(fromMs, DemoRhythm.DayMs).Quotient - 1;
        var lastDay = Math.DivRem(toMs - 1, DemoRhythm.DayMs).Quotient;
        var pending = new List<DemoDayEvent>();
        for (var day = firstDay; day <= lastDay; day++)
        {
            pending.AddRange(new DemoDay(this, day).Generate());
            // Later days start at (day + 1) * DayMs, so everything before that is final now.
            var finalBefore = day == lastDay ? long.MaxValue : (day + 1) * DemoRhythm.DayMs;
            pending.Sort();
            var emitted = 0;
            foreach (var item in pending)
            {
                if (item.Event.EventAt >= finalBefore)
                {
                    break;
                }

                emitted++;
                if (item.Event.EventAt >= fromMs && item.Event.EventAt < toMs)
                {
                    yield return item.Event;
                }
            }

            pending.RemoveRange(0, emitted);
        }
    }

    /// <summary>
    /// <paramref name="count"/> synthetic events fast (for the ingestion benchmark): the metadata, then
    /// consecutive days of activity starting 2025-01-01, cut at <paramref name="count"/>.
    /// </summary>
    public IEnumerable<IngestEvent> GenerateEvents(int count)
    {
        const long start = 1_735_689_600_000; // 2025-01-01T00:00:00Z
        return Metadata(start).Concat(Activity(start, long.MaxValue / 4)).Take(count);
    }

    /// <summary>Joiners of the day (a pure function of seed and day).</summary>
    internal IReadOnlyList<DemoJoiner> JoinersOfDay(long day)
    {
        var random = new DemoRandom(Seed, day, 7);
        var dayStart = day * DemoRhythm.DayMs;
        var count = (int)Math.Round((2 + random.Next(0, 7)) * DemoRhythm.DayFactor(day));
        var joiners = new List<DemoJoiner>(count);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var zone = random.Chance(DemoRhythm.ZoneShares[0]) ? 0 : 1;
            var joinAt = dayStart + HourTables[zone].Pick(random) * DemoRhythm.HourMs + random.NextLong(DemoRhythm.HourMs);
            var createdAt = joinAt - DemoRhythm.DayMs * (30 + random.Next(1500)) - random.NextLong(DemoRhythm.DayMs);
            var id = DemoIds.Make(createdAt, DemoIds.JoinerWorker, (int)(day & 31), i);
            // Drive-by joiners never post; the rest post a little, like a mid-tail member.
            var weight = random.Chance(0.35) ? 0 : 0.002 + 0.01 * random.NextDouble();
            var favorites = new[] { ChatChannels.Pick(random).Id, ChatChannels.Pick(random).Id };
            var member = new DemoMember(id, DemoNames.Member(random, taken), false, zone, weight, false, favorites);
            long? leaveAt = random.Chance(0.3)
                ? joinAt + DemoRhythm.MinuteMs * 10 + Math.Min(random.Exponential(4 * DemoRhythm.DayMs), (JoinerLookbackDays - 2) * DemoRhythm.DayMs)
                : null;
            var activeUntil = joinAt + DemoRhythm.DayMs * random.Next(10, 45);
            joiners.Add(new DemoJoiner(member, joinAt, leaveAt, activeUntil));
        }

        return joiners;
    }

    /// <summary>Joiners of the lookback window ending with <paramref name="day"/>: everyone who may still leave or post.</summary>
    internal IEnumerable<DemoJoiner> JoinersAround(long day)
    {
        for (var d = day - JoinerLookbackDays; d <= day; d++)
        {
            foreach (var joiner in JoinersOfDay(d))
            {
                yield return joiner;
            }
        }
    }
}
