using DiscordAnalytics.Web.Auth;
using Hangfire.Dashboard;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// The Hangfire dashboard is for the signed-in admin. The fallback authorization policy already refuses
/// everyone else before Hangfire runs; this filter replaces Hangfire's loopback-only default (which would
/// refuse the admin on any non-local address) and is a second lock should the endpoint ever be mapped
/// outside endpoint routing.
/// </summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(AdminPrincipal.Role);
}
