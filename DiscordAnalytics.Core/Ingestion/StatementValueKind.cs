namespace DiscordAnalytics.Core.Ingestion;

/// <summary>What a <see cref="StatementValue"/> binds as; the default is NULL.</summary>
public enum StatementValueKind : byte
{
    Null,
    Integer,

    /// <summary>A truth value: 1 or 0 in <see cref="StatementValue.Integer"/>; SQLite stores it as that integer, PostgreSQL as a boolean.</summary>
    Boolean,
    Text,
    Blob,
}
