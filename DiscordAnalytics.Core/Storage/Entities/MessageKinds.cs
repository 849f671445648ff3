namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>What a message carries, kept on its fact as flags so a delete, an edit or a forget takes back exactly what it counted.</summary>
[Flags]
public enum MessageKinds
{
    None = 0,

    /// <summary>At least one file.</summary>
    Attachments = 1,

    /// <summary>An http(s) link in the content.</summary>
    Links = 2,

    /// <summary>A reply to another message.</summary>
    Reply = 4,

    /// <summary>Mentions a member or role, or everyone.</summary>
    Mentions = 8,
}
