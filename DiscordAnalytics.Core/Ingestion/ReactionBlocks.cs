namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// What stops a reaction add from counting besides the reaction's own row: its message is deleted, or its
/// message or emoji was cleared (REMOVE_ALL / REMOVE_EMOJI) at or after the add. The writer's in-memory copy,
/// loaded per guild from the store on first use and kept in step with every delete and clear it writes:
/// checking two SQL conditions on every add cost more than the add's own insert. Memory: one id per message
/// the guild ever had deleted. Part of the writer, not thread-safe; forgotten (and loaded again) when a
/// batch rolls back.
/// </summary>
internal sealed class ReactionBlocks
{
    private readonly Dictionary<long, HashSet<long>> _deletedMessages = [];
    private readonly Dictionary<long, Dictionary<(long Message, string Emoji), long>> _clears = [];

    /// <summary>Whether an add at <paramref name="at"/> of <paramref name="emoji"/> on the message changes nothing.</summary>
    public bool Blocks(IngestionStatements sql, long guild, long message, string emoji, long at)
    {
        if (IsDeleted(sql, guild, message))
        {
            return true;
        }

        var clears = Clears(sql, guild);
        return clears.Count > 0
            && ((clears.TryGetValue((message, string.Empty), out var all) && all >= at)
                || (clears.TryGetValue((message, emoji), out var ofEmoji) && ofEmoji >= at));
    }

    public bool IsDeleted(IngestionStatements sql, long guild, long message) => DeletedMessages(sql, guild).Contains(message);

    public void MessageDeleted(IngestionStatements sql, long guild, long message) => DeletedMessages(sql, guild).Add(message);

    /// <param name="emoji">The emoji cleared, or empty for a REMOVE_ALL.</param>
    public void Cleared(IngestionStatements sql, long guild, long message, string emoji, long at)
    {
        var clears = Clears(sql, guild);
        if (!clears.TryGetValue((message, emoji), out var known) || at > known)
        {
            clears[(message, emoji)] = at;
        }
    }

    public void Forget()
    {
        _deletedMessages.Clear();
        _clears.Clear();
    }

    private HashSet<long> DeletedMessages(IngestionStatements sql, long guild)
    {
        if (!_deletedMessages.TryGetValue(guild, out var deleted))
        {
            deleted = [];
            using var reader = sql.SelectDeletedMessages.Query(guild);
            while (reader.Read())
            {
                deleted.Add(reader.GetInt64(0));
            }

            _deletedMessages[guild] = deleted;
        }

        return deleted;
    }

    private Dictionary<(long Message, string Emoji), long> Clears(IngestionStatements sql, long guild)
    {
        if (!_clears.TryGetValue(guild, out var clears))
        {
            clears = [];
            using var reader = sql.SelectReactionClears.Query(guild);
            while (reader.Read())
            {
                clears[(reader.GetInt64(0), reader.GetString(1))] = reader.GetInt64(2);
            }

            _clears[guild] = clears;
        }

        return clears;
    }
}
