using System.Linq.Expressions;
using Hangfire;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>A recurring job of type <typeparamref name="TJob"/> (resolved from DI per run) on a cron schedule in UTC.</summary>
public sealed class RecurringJobDefinition<TJob>(string id, string cron, Expression<Func<TJob, Task>> run) : IRecurringJobDefinition
{
    public string Id { get; } = id;

    public string Cron { get; } = cron;

    public void Register(IRecurringJobManager manager) =>
        manager.AddOrUpdate(Id, run, Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
}
