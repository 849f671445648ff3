using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>What a delete of one message takes, as the batch's start read it (<see cref="StoredMessagesOfDeletes"/>).</summary>
internal sealed class StoredDelete
{
    /// <summary>The message's stored fact; null when none is stored.</summary>
    public DeletedMessage? Fact { get; set; }

    /// <summary>Whether the stored fact is not marked deleted yet (the delete's update then marks it).</summary>
    public bool NotDeleted { get; set; }

    /// <summary>Every reaction fact of the message (present or removed): the delete takes them all.</summary>
    public List<TakenReaction> Reactions { get; } = [];

    /// <summary>The message's anonymous reaction counts.</summary>
    public List<DeletedReactionCount> Counts { get; } = [];
}
