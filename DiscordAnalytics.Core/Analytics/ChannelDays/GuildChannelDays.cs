namespace DiscordAnalytics.Core.Analytics.ChannelDays;

/// <summary>One guild's channel days in memory: installed whole, read under <see cref="Gate"/>.</summary>
internal sealed class GuildChannelDays
{
    private readonly Dictionary<int, ChannelDay> _days = [];

    /// <summary>Held while days are read, installed or handed to a reader.</summary>
    public object Gate { get; } = new();

    /// <summary>One reader fills a guild at a time: many cards opened at once read a cold range once.</summary>
    public SemaphoreSlim Loading { get; } = new(1, 1);

    public ChannelDay? Day(int day) => _days.GetValueOrDefault(day);

    public void Install(int day, ChannelDay read) => _days[day] = read;
}
