using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// On PostgreSQL, every table, column, key and index of the store is named in lower case. The store's hand-written SQL
/// (the ingestion writer's statements, retention, settings) names tables and columns in camelCase without quotes;
/// PostgreSQL folds unquoted names to lower case, so with lower-case names the same SQL runs on both providers, while
/// SQLite (which ignores case) keeps the camelCase names its files were made with.
/// </summary>
public static partial class PostgresNaming
{
    public static void Apply(IMutableModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table)
            {
                entity.SetTableName(table.ToLowerInvariant());
            }

            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(property.GetColumnName().ToLowerInvariant());
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(key.GetName()?.ToLowerInvariant());
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(index.GetDatabaseName()?.ToLowerInvariant());
                if (index.GetFilter() is { } filter)
                {
                    index.SetFilter(QuotedName().Replace(filter, m => m.Value.ToLowerInvariant()));
                }
            }
        }
    }

    [GeneratedRegex("\"[^\"]+\"")]
    private static partial Regex QuotedName();
}
