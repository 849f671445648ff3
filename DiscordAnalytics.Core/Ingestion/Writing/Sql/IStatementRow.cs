namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>
/// The row type of a statement that returns rows: reads the current row's columns, in the order the statement's SQL
/// names them. Each statement is paired with its row type once, where it is declared (<see cref="IngestionStatements"/>),
/// so no caller reads a column by its position.
/// </summary>
internal interface IStatementRow<TSelf>
    where TSelf : IStatementRow<TSelf>, allows ref struct
{
    static abstract TSelf Read(PreparedStatement.Cursor row);
}
