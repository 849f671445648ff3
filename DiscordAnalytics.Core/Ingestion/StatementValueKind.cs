namespace DiscordAnalytics.Core.Ingestion;

/// <summary>What a <see cref="StatementValue"/> binds as; the default is NULL.</summary>
public enum StatementValueKind : byte
{
    Null,
    Integer,
    Text,
    Blob,
}
