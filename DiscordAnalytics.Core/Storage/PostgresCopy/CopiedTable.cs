namespace DiscordAnalytics.Core.Storage.PostgresCopy;

/// <summary>A table once the copy is done: its rows in the SQLite store and in PostgreSQL (equal, or the copy fails).</summary>
public sealed record CopiedTable(string Table, long SourceRows, long TargetRows);
