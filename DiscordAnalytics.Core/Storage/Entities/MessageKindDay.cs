namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// Per guild, UTC day (of the messages' creation) and author kind: how many counted messages carried each kind, and their
/// summed length. Only messages whose kinds were measured at ingestion are in it (<see cref="MessageFact.Kinds"/> not null).
/// </summary>
public sealed class MessageKindDay
{
    public long GuildId { get; set; }

    public int Day { get; set; }

    public bool IsBot { get; set; }

    public long Messages { get; set; }

    public long WithAttachments { get; set; }

    public long WithLinks { get; set; }

    public long Replies { get; set; }

    public long WithMentions { get; set; }

    /// <summary>Summed content length in characters (Unicode code points) of <see cref="Messages"/>.</summary>
    public long TotalLength { get; set; }
}
