using DiscordAnalytics.Core.Storage.ChannelDays;

namespace DiscordAnalytics.Core.Analytics.ChannelDays;

/// <summary>One guild's channel days in memory: each replaced whole (read or derived from a commit), read under <see cref="Gate"/>.</summary>
internal sealed class GuildChannelDays
{
    private readonly Dictionary<int, ChannelDay> _days = [];

    /// <summary>Held while days are read, installed or handed to a reader.</summary>
    public object Gate { get; } = new();

    /// <summary>One reader fills a guild at a time: many cards opened at once read a cold range once.</summary>
    public SemaphoreSlim Loading { get; } = new(1, 1);

    public ChannelDay? Day(int day) => _days.GetValueOrDefault(day);

    /// <summary>
    /// Keeps a day read from the store unless a newer copy is already held (a commit applied while it was read), or one as
    /// new with every part the read has (a read asks for the parts held days have too, so it never drops one).
    /// </summary>
    public void Install(int day, ChannelDay read)
    {
        if (_days.GetValueOrDefault(day) is not { } held || held.Version < read.Version
            || (held.Version == read.Version && (read.Parts & held.Parts) == held.Parts && read.Parts != held.Parts))
        {
            _days[day] = read;
        }
    }

    /// <summary>
    /// Applies a commit to the day it changed when held at the version just before it; otherwise (not held, another
    /// writer's commit in between, leaders that cannot be derived) the day stays as it is and is read again when asked for.
    /// </summary>
    public void Apply(ChannelDayCommit commit)
    {
        if (_days.GetValueOrDefault(commit.Day) is { } held && held.Version == commit.Version - 1 && held.After(commit) is { } next)
        {
            _days[commit.Day] = next;
        }
    }
}
