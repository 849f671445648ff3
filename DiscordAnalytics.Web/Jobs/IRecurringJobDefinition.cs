using Hangfire;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// One recurring job with a stable id. Each capability registers its own (e.g. retention, weekly
/// digest) and <see cref="RecurringJobRegistrar"/> writes them into Hangfire at start-up, so
/// the schedule in the job store always matches the code (ids never change between versions).
/// </summary>
public interface IRecurringJobDefinition
{
    string Id { get; }

    void Register(IRecurringJobManager manager);
}
