using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.WarmUp;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// <c>bench cards</c>' third table: a role picked that the background warm-up did not build, as any role outside a
/// guild's <see cref="DashboardCalls.WarmedRoles"/> most held is. On app services of their own, the warm-up's pass over
/// the standard windows without its roles, then every card that follows a role asked once per window with the busiest
/// role: an upper bound for a smaller role, since what a role's first call builds (its holder sets, their activity,
/// voice days, joins and leaves) grows with its holders.
/// </summary>
internal static class UnwarmedRoleFirstCalls
{
    /// <summary>Prints the table; returns the slowest first call of a window the warm-up covers.</summary>
    public static async Task<double> MeasureAsync(
        ServiceProvider fresh, ulong guildId, IReadOnlyList<(AnalyticsQuery Query, int Days)> windows, double baseline, List<string> failures, TextWriter output, CancellationToken cancellationToken)
    {
        // The app's own warm-up with the dashboard's calls but no roles to build (a DashboardCalls without its roles' source;
        // the guild-level reads every role shares are made, as the app's warm-up makes them whatever roles it builds).
        var warmUp = ActivatorUtilities.CreateInstance<KeptWindowsWarmUp>(fresh, DashboardCalls.From(fresh).WithoutRoles());
        var warmed = KeptWindowsWarmUp.StandardWindows.Where(d => windows.Any(w => w.Days == d)).ToList();
        foreach (var days in warmed)
        {
            await warmUp.WarmAsync(guildId, days, cancellationToken);
        }

        output.WriteLine();
        output.WriteLine("first call with a role the warm-up did not build (the busiest role, on new app services warmed without roles)");
        return await WarmedFirstCalls.TimeOnceAsync(new CardQueries(fresh).RoleCards, windows, warmed, "with a role not warmed", baseline, failures, output, cancellationToken);
    }
}
