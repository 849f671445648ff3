using System.Globalization;
using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Web.Api.Guilds;

/// <summary>
/// The guild a <c>/api/guilds/{guildId}/...</c> request names, parsed and found in the store. A handler of the guild
/// route group (<see cref="GuildRoutes.MapGuildRoutes"/>) takes it as a parameter; <see cref="GuildRouteFilter"/> fills
/// it in, so a handler only ever runs for a guild that exists.
/// </summary>
public sealed class RequestedGuild
{
    /// <summary>What binding gives before the filter has run (parameters are bound before endpoint filters).</summary>
    private static readonly RequestedGuild Unchecked = new(0, string.Empty, null);

    internal RequestedGuild(ulong id, string routeText, GuildInfo? info)
    {
        Id = id;
        RouteText = routeText;
        Info = info;
    }

    public ulong Id { get; }

    /// <summary>The id as the store keys it (SQLite integers are signed).</summary>
    public long StoreId => (long)Id;

    /// <summary>The id in invariant decimal text, as JSON answers carry ids.</summary>
    public string Text => Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The <c>guildId</c> route value as sent (it parsed as a Discord id).</summary>
    public string RouteText { get; }

    /// <summary>The stored guild (name, mode, time zone) as the filter found it.</summary>
    public GuildInfo? Info { get; }

    /// <summary>Minimal APIs bind parameters before endpoint filters run; the filter replaces this placeholder.</summary>
    public static ValueTask<RequestedGuild?> BindAsync(HttpContext context) => ValueTask.FromResult<RequestedGuild?>(Unchecked);
}
