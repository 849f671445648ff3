using System.Collections.Concurrent;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>
/// Each guild's last <see cref="Kept"/> answered slash commands in this process, for Settings: an owner sees that the
/// commands are used and answered in time without reading the logs. Kept in memory and bounded on purpose (a record of
/// use, not history); never the caller's id or, for real answers, the text.
/// </summary>
public sealed class SlashCommandLog
{
    /// <summary>How many answers each guild keeps.</summary>
    public const int Kept = 20;

    private readonly ConcurrentDictionary<ulong, ConcurrentQueue<SlashCommandAnswered>> _answered = new();

    /// <summary>The guild's kept answers, newest first.</summary>
    public IReadOnlyList<SlashCommandAnswered> Recent(ulong guildId) =>
        _answered.TryGetValue(guildId, out var queue) ? [.. queue.Reverse()] : [];

    /// <summary>Keeps <paramref name="answered"/>, dropping the guild's oldest beyond <see cref="Kept"/>.</summary>
    public void Record(ulong guildId, SlashCommandAnswered answered)
    {
        var queue = _answered.GetOrAdd(guildId, _ => new ConcurrentQueue<SlashCommandAnswered>());
        queue.Enqueue(answered);
        while (queue.Count > Kept && queue.TryDequeue(out _))
        {
        }
    }
}
