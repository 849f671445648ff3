using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>
/// What stops a reaction add from counting besides the reaction's own row: its message is deleted, or its
/// message or emoji was cleared (REMOVE_ALL / REMOVE_EMOJI) at or after the add. The writer's in-memory copy,
/// loaded per guild from the store on first use and kept in step with every delete and clear it writes:
/// checking two SQL conditions on every add cost more than the add's own insert. Memory: one id per message
/// the guild ever had deleted. Part of the writer, not thread-safe; reset (and loaded again) when a batch
/// rolls back.
/// </summary>
internal sealed class ReactionBlocks(IngestionStatements sql)
{
    private readonly Dictionary<long, HashSet<long>> _deletedMessages = [];
    private readonly Dictionary<long, Dictionary<(long Message, string Emoji), long>> _clears = [];

    /// <summary>Whether an add at <paramref name="at"/> of <paramref name="emoji"/> on the message changes nothing.</summary>
    public bool Blocks(long guild, long message, string emoji, long at)
    {
        if (IsDeleted(guild, message))
        {
            return true;
        }

        var clears = Clears(guild);
        return clears.Count > 0
            && ((clears.TryGetValue((message, string.Empty), out var all) && all >= at)
                || (clears.TryGetValue((message, emoji), out var ofEmoji) && ofEmoji >= at));
    }

    public bool IsDeleted(long guild, long message) => DeletedMessages(guild).Contains(message);

    public void MessageDeleted(long guild, long message) => DeletedMessages(guild).Add(message);

    /// <param name="emoji">The emoji cleared, or empty for a REMOVE_ALL.</param>
    public void Cleared(long guild, long message, string emoji, long at)
    {
        var clears = Clears(guild);
        if (!clears.TryGetValue((message, emoji), out var known) || at > known)
        {
            clears[(message, emoji)] = at;
        }
    }

    public void Reset()
    {
        _deletedMessages.Clear();
        _clears.Clear();
    }

    private HashSet<long> DeletedMessages(long guild)
    {
        if (!_deletedMessages.TryGetValue(guild, out var deleted))
        {
            deleted = [];
            foreach (var row in sql.SelectDeletedMessages.Rows(guild))
            {
                deleted.Add(row.Message);
            }

            _deletedMessages[guild] = deleted;
        }

        return deleted;
    }

    private Dictionary<(long Message, string Emoji), long> Clears(long guild)
    {
        if (!_clears.TryGetValue(guild, out var clears))
        {
            clears = [];
            foreach (var clear in sql.SelectReactionClears.Rows(guild))
            {
                clears[(clear.Message, clear.Emoji)] = clear.ClearedAt;
            }

            _clears[guild] = clears;
        }

        return clears;
    }
}
