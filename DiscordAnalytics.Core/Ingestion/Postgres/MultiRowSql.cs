using System.Text.RegularExpressions;

namespace DiscordAnalytics.Core.Ingestion.Postgres;

/// <summary>
/// The multi-row form of one of the writer's single-row statements, so both providers keep one text: its
/// <c>VALUES (@p0, @p1, ...)</c> becomes <c>SELECT * FROM unnest($1, $2, ...)</c>, one array per column
/// (<see cref="UnnestInsert"/>); the rest (ON CONFLICT and its DO UPDATE, which reads the row as <c>excluded</c>) is
/// unchanged. Only for a statement whose VALUES row is its parameters in order and nothing else.
/// </summary>
internal static partial class MultiRowSql
{
    public static string Of(string singleRowSql)
    {
        var values = ValuesRow().Matches(singleRowSql);
        if (values.Count != 1)
        {
            throw new ArgumentException($"One VALUES row of parameters expected: {singleRowSql}", nameof(singleRowSql));
        }

        var row = values[0];
        var parameters = row.Groups["p"].Captures;
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Value != $"@p{i}")
            {
                throw new ArgumentException($"The VALUES row must be @p0..@p{parameters.Count - 1} in order: {singleRowSql}", nameof(singleRowSql));
            }
        }

        if (singleRowSql.IndexOf("@p", row.Index + row.Length, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"A parameter outside the VALUES row has no array to come from: {singleRowSql}", nameof(singleRowSql));
        }

        var arrays = string.Join(", ", Enumerable.Range(1, parameters.Count).Select(i => $"${i}"));
        return string.Concat(singleRowSql.AsSpan(0, row.Index), $"SELECT * FROM unnest({arrays})", singleRowSql.AsSpan(row.Index + row.Length));
    }

    [GeneratedRegex(@"VALUES\s*\((?:\s*(?<p>@p\d+)\s*,?)+\)")]
    private static partial Regex ValuesRow();
}
