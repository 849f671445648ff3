using DiscordAnalytics.Core.Storage.MemberDays;

namespace DiscordAnalytics.Core.Analytics.Voice;

/// <summary>
/// One guild's voice days read so far. Everything is guarded by <see cref="Gate"/>; <see cref="Loading"/> lets one
/// reader at a time fill days from the store.
/// </summary>
internal sealed class GuildVoiceDays
{
    private readonly Dictionary<int, HeldVoiceDay> _days = [];

    public Lock Gate { get; } = new();

    public SemaphoreSlim Loading { get; } = new(1, 1);

    public HeldVoiceDay? Day(int day) => _days.GetValueOrDefault(day);

    /// <summary>Keeps a day read from the store unless a newer copy is already held.</summary>
    public void Install(int day, HeldVoiceDay read)
    {
        if (_days.GetValueOrDefault(day) is not { } held || held.Version < read.Version)
        {
            _days[day] = read;
        }
    }

    /// <summary>
    /// Applies a member-day commit's voice rows (or its forget) to the day it changed, when held at the version just before
    /// it; otherwise the day is read again when asked for. A commit without voice rows only steps the day.
    /// </summary>
    public void Apply(MemberDayCommit commit)
    {
        if (_days.GetValueOrDefault(commit.Day) is not { } held || held.Version != commit.Version - 1)
        {
            return;
        }

        if (commit.ForgottenUser is { } forgotten)
        {
            held.Remove(forgotten);
        }

        foreach (var change in commit.Voice)
        {
            held.Add(change);
        }

        held.Stepped(commit.Version);
    }
}
