namespace DiscordAnalytics.Web.Api;

/// <summary>
/// Every problem+json (RFC 7807) the HTTP API answers with, in one place, so the same mistake gets the same answer on
/// every route: a 400 names the culprit in <c>parameter</c> and never echoes what was sent.
/// </summary>
public static class ApiProblems
{
    /// <summary>400 naming <paramref name="parameter"/> (a route or query parameter, or a body field).</summary>
    public static IResult BadParameter(string parameter, string reason) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: $"Invalid parameter '{parameter}'",
        detail: reason,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>The 400 every guild route gives for a <c>guildId</c> that is not a Discord id.</summary>
    public static IResult BadGuildId() => BadParameter("guildId", "guildId must be a Discord id (a positive 64-bit integer).");

    /// <summary>The 404 for a guild the store has no data for. <paramref name="guildId"/> has already parsed as a Discord id.</summary>
    public static IResult GuildNotFound(string guildId) => NotFound("Guild not found", $"No data for guild {guildId}.");

    public static IResult NotFound(string title, string detail) => Status(StatusCodes.Status404NotFound, title, detail);

    /// <summary>409: the request is well formed but the guild's state does not allow it now.</summary>
    public static IResult Conflict(string title, string? detail) => Status(StatusCodes.Status409Conflict, title, detail);

    /// <summary>A problem with any other status; <paramref name="extensions"/> become extra members of the body.</summary>
    public static IResult Status(int statusCode, string title, string? detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(statusCode: statusCode, title: title, detail: detail, extensions: extensions);
}
