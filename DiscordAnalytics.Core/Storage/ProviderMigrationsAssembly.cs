using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// The migrations of the provider in use. Migrations are provider-specific (EF Core generates each provider's SQL types
/// and operations into them), so each context keeps one set per provider in its own assembly: SQLite's in the
/// <c>Migrations</c> folder and namespace, PostgreSQL's in <c>Migrations/Postgres</c> (namespace ending in
/// <see cref="PostgresNamespaceSuffix"/>), each with its own model snapshot. This picks the set whose namespace fits the
/// provider; <c>dotnet ef migrations add</c> goes through it too, so each set diffs against its own snapshot.
/// </summary>
public sealed class ProviderMigrationsAssembly : IMigrationsAssembly
{
    public const string PostgresNamespaceSuffix = ".PostgresMigrations";

    private readonly Type _contextType;
    private readonly bool _postgres;
    private readonly Lazy<IReadOnlyDictionary<string, TypeInfo>> _migrations;
    private readonly Lazy<ModelSnapshot?> _snapshot;

    public ProviderMigrationsAssembly(ICurrentDbContext currentContext)
    {
        ArgumentNullException.ThrowIfNull(currentContext);
        _contextType = currentContext.Context.GetType();
        _postgres = currentContext.Context.Database.IsNpgsql();
        Assembly = _contextType.Assembly;
        _migrations = new(FindMigrations);
        _snapshot = new(FindSnapshot);
    }

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations.Value;

    public ModelSnapshot? ModelSnapshot => _snapshot.Value;

    public Assembly Assembly { get; }

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..], nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        ArgumentNullException.ThrowIfNull(migrationClass);
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private bool IsOwn(TypeInfo type) =>
        type.GetCustomAttribute<DbContextAttribute>()?.ContextType == _contextType
        && (type.Namespace ?? "").EndsWith(PostgresNamespaceSuffix, StringComparison.Ordinal) == _postgres;

    private IReadOnlyDictionary<string, TypeInfo> FindMigrations()
    {
        var found = new SortedDictionary<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in Assembly.DefinedTypes)
        {
            if (type.IsSubclassOf(typeof(Migration)) && !type.IsAbstract && type.GetCustomAttribute<MigrationAttribute>() is { } id && IsOwn(type))
            {
                found.Add(id.Id, type);
            }
        }

        return found;
    }

    private ModelSnapshot? FindSnapshot()
    {
        var type = Assembly.DefinedTypes.FirstOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot)) && !t.IsAbstract && IsOwn(t));
        return type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
    }
}
