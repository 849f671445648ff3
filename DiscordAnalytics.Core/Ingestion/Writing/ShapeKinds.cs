using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>The kinds a measured message is stored and counted with.</summary>
internal static class ShapeKinds
{
    public static MessageKinds Of(MessageShape shape, bool isReply) =>
        (shape.Attachments > 0 ? MessageKinds.Attachments : MessageKinds.None)
        | (shape.HasLink ? MessageKinds.Links : MessageKinds.None)
        | (isReply ? MessageKinds.Reply : MessageKinds.None)
        | (shape.Mentions > 0 ? MessageKinds.Mentions : MessageKinds.None);
}
