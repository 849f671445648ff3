using DiscordAnalytics.Core.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Auth;

/// <summary>
/// Where ASP.NET Core's Data Protection keys (they sign the sign-in cookie and antiforgery tokens) are kept. On
/// PostgreSQL: in the store (<see cref="AuthDbContext.DataProtectionKeys"/>), so every instance sharing the database
/// reads the same ring and a cookie one issued signs in on another. On SQLite (one instance): in <c>keys/</c> beside the
/// store file, in the data folder, so a restart, a new container or a moved executable keeps sessions, and a configured
/// password still signs in while the store file is damaged. One fixed application name: the default (the content root)
/// differs between machines and single-file extractions.
/// </summary>
public static class SignInKeyRing
{
    public const string ApplicationName = "DiscordAnalytics";

    /// <summary>The folder of the SQLite store's keys: <c>keys</c> beside the store file.</summary>
    public const string FolderName = "keys";

    public static IServiceCollection AddSignInKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = Repository(sp, sp.GetRequiredService<IOptions<StorageOptions>>().Value)));
        return services;
    }

    /// <summary>The folder that holds the keys of a SQLite store (<paramref name="storage"/>), or null on PostgreSQL.</summary>
    public static string? SqliteKeyFolder(StorageOptions storage)
    {
        if (storage.Kind == StoreProvider.Postgres)
        {
            return null;
        }

        var file = new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
        var folder = string.IsNullOrEmpty(file) || file == ":memory:"
            ? Directory.GetCurrentDirectory()
            : Path.GetDirectoryName(Path.GetFullPath(file)) ?? Directory.GetCurrentDirectory();
        return Path.Combine(folder, FolderName);
    }

    private static IXmlRepository Repository(IServiceProvider services, StorageOptions storage)
    {
        var loggers = services.GetRequiredService<ILoggerFactory>();
        return SqliteKeyFolder(storage) is { } folder
            ? new FileSystemXmlRepository(new DirectoryInfo(folder), loggers)
            : new EntityFrameworkCoreXmlRepository<AuthDbContext>(services, loggers);
    }
}
