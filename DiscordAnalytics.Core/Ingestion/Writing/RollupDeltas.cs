using System.Runtime.InteropServices;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>
/// Counter changes of one batch, summed in memory so each rollup row is upserted once per batch
/// (one prepared upsert per key instead of one per event), inside the same transaction as the raw events.
/// </summary>
internal sealed class RollupDeltas
{
    public Dictionary<(long Guild, int Day, long Channel, bool IsBot), ChannelDelta> Channels { get; } = [];

    public Dictionary<(long Guild, int Day, long User), MemberDelta> Members { get; } = [];

    public Dictionary<(long Guild, int Day, bool IsBot), GuildDelta> Guilds { get; } = [];

    public Dictionary<(long Guild, long Message), ContentDelta> Content { get; } = [];

    /// <summary>Message count changes per (guild, UTC day, counted channel, isBot), one per quarter hour of the day.</summary>
    public Dictionary<(long Guild, int Day, long Channel, bool IsBot), long[]> QuarterHours { get; } = [];

    public Dictionary<long, long> LastEventAt { get; } = [];

    /// <summary>Messages by kind per (guild, UTC day of creation, isBot).</summary>
    public Dictionary<(long Guild, int Day, bool IsBot), KindDelta> Kinds { get; } = [];

    /// <summary>Present reactions per (guild, message day, emoji, isBot).</summary>
    public Dictionary<(long Guild, int Day, string Emoji, bool IsBot), long> Emojis { get; } = [];

    /// <summary>Emojis typed in counted messages per (guild, message day, emoji, author isBot).</summary>
    public Dictionary<(long Guild, int Day, string Emoji, bool IsBot), long> ContentEmojis { get; } = [];

    /// <summary>
    /// Days whose counted excerpts were rewritten (edited, deleted, forgotten): their stored keywords go and their keyword
    /// version is marked rewritten.
    /// </summary>
    public HashSet<(long Guild, int Day)> KeywordDaysToDrop { get; } = [];

    /// <summary>
    /// Days that gained human messages, with the smallest and largest new id: their stored keywords go too; their keyword
    /// version counts as rewritten only when a new message is not newer than every message of the day before it.
    /// </summary>
    public Dictionary<(long Guild, int Day), (long FirstId, long LastId)> KeywordDaysCreated { get; } = [];

    public void KeywordDayCreated(long guild, int day, long message)
    {
        ref var ids = ref CollectionsMarshal.GetValueRefOrAddDefault(KeywordDaysCreated, (guild, day), out var known);
        ids = known ? (Math.Min(ids.FirstId, message), Math.Max(ids.LastId, message)) : (message, message);
    }

    public ChannelDelta Channel(long guild, int day, long channel, bool isBot) =>
        GetOrAdd(Channels, (guild, day, channel, isBot));

    public MemberDelta Member(long guild, int day, long user, bool isBot)
    {
        var delta = GetOrAdd(Members, (guild, day, user));
        delta.IsBot = isBot;
        return delta;
    }

    public GuildDelta Guild(long guild, int day, bool isBot) => GetOrAdd(Guilds, (guild, day, isBot));

    public ContentDelta Message(long guild, long message, int day, long channel)
    {
        var delta = GetOrAdd(Content, (guild, message));
        delta.Day = day;
        delta.ChannelId = channel;
        return delta;
    }

    /// <summary>Counts (+1) or takes back (-1) a message by kind; a message whose kinds were never measured counts in none.</summary>
    public void MessageKind(long guild, int day, bool isBot, MessageKinds? kinds, int length, int sign)
    {
        if (kinds is { } measured)
        {
            GetOrAdd(Kinds, (guild, day, isBot)).Add(measured, length, sign);
        }
    }

    /// <summary>Adds <paramref name="change"/> reactions with <paramref name="emoji"/> on the day they count on.</summary>
    public void Emoji(long guild, int day, string emoji, bool isBot, long change)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(Emojis, (guild, day, emoji, isBot), out _);
        count += change;
    }

    /// <summary>Counts (+1) or takes back (-1) the emojis a message's stored <paramref name="emojis"/> say it uses.</summary>
    public void MessageEmojis(long guild, int day, bool isBot, string? emojis, int sign)
    {
        foreach (var (emoji, count) in Ingestion.Emojis.ContentEmojis.Counts(emojis))
        {
            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(ContentEmojis, (guild, day, emoji, isBot), out _);
            total += (long)count * sign;
        }
    }

    /// <summary>Adds <paramref name="messages"/> (+1 or -1) to the quarter hour a message was created in.</summary>
    public void QuarterHour(long guild, long createdAt, long channel, bool isBot, long messages)
    {
        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(QuarterHours, (guild, DayBucket.FromUnixMs(createdAt), channel, isBot), out _);
        counts ??= new long[QuarterHourCounts.PerDay];
        counts[QuarterHourCounts.IndexOf(createdAt)] += messages;
    }

    /// <summary>Drops every member delta of a forgotten member: their member rows are deleted, not adjusted.</summary>
    public void ForgetMember(long guild, long user)
    {
        foreach (var key in Members.Keys.Where(k => k.Guild == guild && k.User == user).ToList())
        {
            Members.Remove(key);
        }
    }

    public void NoteLastEventAt(long guild, long eventAt)
    {
        LastEventAt[guild] = LastEventAt.TryGetValue(guild, out var known) ? Math.Max(known, eventAt) : eventAt;
    }

    public void Clear()
    {
        Channels.Clear();
        Members.Clear();
        Guilds.Clear();
        Content.Clear();
        QuarterHours.Clear();
        LastEventAt.Clear();
        KeywordDaysToDrop.Clear();
        KeywordDaysCreated.Clear();
        Kinds.Clear();
        Emojis.Clear();
        ContentEmojis.Clear();
    }

    private static TValue GetOrAdd<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key)
        where TKey : notnull
        where TValue : new()
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = new TValue();
            map[key] = value;
        }

        return value;
    }
}
