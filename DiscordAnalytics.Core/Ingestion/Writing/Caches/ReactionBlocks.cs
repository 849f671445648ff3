using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>
/// What stops a reaction add from counting besides the reaction's own row: its message is deleted, or its
/// message or emoji was cleared (REMOVE_ALL / REMOVE_EMOJI) at or after the add. The writer's in-memory copy
/// (<see cref="PerGuild{T}"/>), kept in step with every delete and clear it writes: checking two SQL conditions on
/// every add cost more than the add's own insert. Memory: one id per message the guild ever had deleted.
/// </summary>
internal sealed class ReactionBlocks(IngestionStatements sql)
{
    private readonly PerGuild<HashSet<long>> _deletedMessages = new(guild =>
    {
        var deleted = new HashSet<long>();
        foreach (var row in sql.SelectDeletedMessages.Rows(guild))
        {
            deleted.Add(row.Message);
        }

        return deleted;
    });

    /// <summary>Per guild, the latest clear of each (message, emoji); the emoji empty for a REMOVE_ALL.</summary>
    private readonly PerGuild<Dictionary<(long Message, string Emoji), long>> _clears = new(guild =>
    {
        var clears = new Dictionary<(long Message, string Emoji), long>();
        foreach (var clear in sql.SelectReactionClears.Rows(guild))
        {
            clears[(clear.Message, clear.Emoji)] = clear.ClearedAt;
        }

        return clears;
    });

    /// <summary>Whether an add at <paramref name="at"/> of <paramref name="emoji"/> on the message changes nothing.</summary>
    public bool Blocks(long guild, long message, string emoji, long at)
    {
        if (IsDeleted(guild, message))
        {
            return true;
        }

        var clears = _clears.GetOrLoad(guild);
        return clears.Count > 0
            && ((clears.TryGetValue((message, string.Empty), out var all) && all >= at)
                || (clears.TryGetValue((message, emoji), out var ofEmoji) && ofEmoji >= at));
    }

    public bool IsDeleted(long guild, long message) => _deletedMessages.GetOrLoad(guild).Contains(message);

    public void MessageDeleted(long guild, long message) => _deletedMessages.GetOrLoad(guild).Add(message);

    /// <param name="emoji">The emoji cleared, or empty for a REMOVE_ALL.</param>
    public void Cleared(long guild, long message, string emoji, long at)
    {
        var clears = _clears.GetOrLoad(guild);
        if (!clears.TryGetValue((message, emoji), out var known) || at > known)
        {
            clears[(message, emoji)] = at;
        }
    }

    public void Reset()
    {
        _deletedMessages.Reset();
        _clears.Reset();
    }
}
