using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>A batch's changes to one guild-day's messages by kind.</summary>
internal sealed class KindDelta
{
    public long Messages;
    public long WithAttachments;
    public long WithLinks;
    public long Replies;
    public long WithMentions;
    public long TotalLength;

    public bool IsEmpty => Messages == 0 && WithAttachments == 0 && WithLinks == 0 && Replies == 0 && WithMentions == 0 && TotalLength == 0;

    /// <summary>A message with <paramref name="kinds"/> and <paramref name="length"/> counted (+1) or taken back (-1).</summary>
    public void Add(MessageKinds kinds, int length, int sign)
    {
        Messages += sign;
        WithAttachments += kinds.HasFlag(MessageKinds.Attachments) ? sign : 0;
        WithLinks += kinds.HasFlag(MessageKinds.Links) ? sign : 0;
        Replies += kinds.HasFlag(MessageKinds.Reply) ? sign : 0;
        WithMentions += kinds.HasFlag(MessageKinds.Mentions) ? sign : 0;
        TotalLength += (long)length * sign;
    }
}
