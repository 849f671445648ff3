using DiscordAnalytics.Core.Storage;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Jobs;

public static class JobsServiceCollectionExtensions
{
    public const string DashboardPath = "/hangfire";

    /// <summary>The schema of Hangfire's tables when the store is on PostgreSQL.</summary>
    public const string PostgresSchema = "hangfire";

    /// <summary>
    /// Hangfire in the web process: its own SQLite file (JobStoragePath), or on PostgreSQL its own schema
    /// (<see cref="PostgresSchema"/>) in the store's database; one small server on the leading instance, and the recurring jobs every
    /// capability declares. The job store is a DI singleton rather than Hangfire's static JobStorage.Current, so two
    /// hosts in one process (tests) never share it.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobStorage>(sp =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (storage.Kind == StoreProvider.Postgres)
            {
                var schema = sp.GetRequiredService<JobStoreSchema>();
                // Hangfire's tables in their own schema of the store's database: one server to run and back up, and
                // every app instance on it sees the same jobs (each recurring job runs once, whichever instance takes it).
                // Its constructor installs them under the store's schema lock, so instances starting together on an empty
                // database do not both try to create them; a server that does not answer leaves that to JobStoreSchema.
                return PostgresSchemaLock.Run(storage.ConnectionString, answered =>
                {
                    var options = new PostgreSqlStorageOptions
                    {
                        SchemaName = PostgresSchema,
                        QueuePollInterval = jobs.QueuePollInterval,
                        PrepareSchemaIfNecessary = answered,
                    };
                    var made = new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.ConnectionString, options), options);
                    if (answered)
                    {
                        schema.Installed();
                    }

                    return made;
                });
            }

            var path = JobStoragePath.Resolve(jobs, storage.ConnectionString);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = jobs.QueuePollInterval });
        });
        // Before AddHangfire, whose own registration (the static global filters) only applies when none exists.
        services.AddSingleton<IJobFilterProvider, HostJobFilterProvider>();
        services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            // Instead of Hangfire's AspNetCoreLogProvider, which throws once this host is disposed while the
            // process-wide provider still points at it (see HangfireLogProvider).
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        if (builder.Configuration.GetValue($"{JobsOptions.Section}:{nameof(JobsOptions.RunServer)}", defaultValue: true))
        {
            // Only while this instance leads (always on SQLite): see LeaderJobServer.
            services.AddHostedService<LeaderJobServer>();
        }

        services.AddSingleton<RecurringJobsStatus>();
        services.AddSingleton<JobStoreSchema>();
        services.AddHostedService<RecurringJobRegistrar>();
        services.AddTransient<RetentionJob>();
        services.AddSingleton<IRecurringJobDefinition>(
            new RecurringJobDefinition<RetentionJob>(RetentionJob.RecurringId, RetentionJob.Schedule, job => job.RunAsync(CancellationToken.None)));
        return builder;
    }

    /// <summary>The Hangfire dashboard at /hangfire, for the signed-in admin only (fallback policy + <see cref="AdminDashboardAuthorizationFilter"/>).</summary>
    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            DashboardTitle = "DiscordAnalytics jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
            Authorization = [new AdminDashboardAuthorizationFilter()],
        });
        return app;
    }
}
