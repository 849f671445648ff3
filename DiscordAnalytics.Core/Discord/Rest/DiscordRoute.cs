namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>
/// One REST request target. Rate limits are keyed on the route template plus its top-level resource
/// (<see cref="MajorId"/>: the channel or guild id), as Discord's buckets are.
/// </summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Template">The route with placeholders, e.g. <c>/guilds/{guild_id}/channels</c>.</param>
/// <param name="Path">The concrete path and query relative to the API base, e.g. <c>/guilds/1/channels</c>.</param>
/// <param name="MajorId">The channel or guild id of the route, when it has one.</param>
public sealed record DiscordRoute(HttpMethod Method, string Template, string Path, ulong? MajorId)
{
    public static DiscordRoute Get(string template, string path, ulong? majorId = null) => new(HttpMethod.Get, template, path, majorId);

    /// <summary>A POST with a JSON body (sent again as is when the client retries).</summary>
    public static DiscordRoute Post(string template, string path, ulong? majorId, byte[] jsonBody) =>
        new(HttpMethod.Post, template, path, majorId) { JsonBody = jsonBody };

    /// <summary>A PATCH with a JSON body (an edit: sending it again leaves the same result).</summary>
    public static DiscordRoute Patch(string template, string path, ulong? majorId, byte[] jsonBody) =>
        new(HttpMethod.Patch, template, path, majorId) { JsonBody = jsonBody };

    /// <summary>A PUT without a body (adding something: sending it again changes nothing more).</summary>
    public static DiscordRoute Put(string template, string path, ulong? majorId) => new(HttpMethod.Put, template, path, majorId);

    /// <summary>A DELETE (removing what is already gone changes nothing).</summary>
    public static DiscordRoute Delete(string template, string path, ulong? majorId) => new(HttpMethod.Delete, template, path, majorId);

    /// <summary>Sent as <c>X-Audit-Log-Reason</c> (URL-encoded, as Discord reads it), shown in the server's audit log; null for none.</summary>
    public string? AuditLogReason { get; init; }

    /// <summary>UTF-8 JSON request body, or null for none.</summary>
    public byte[]? JsonBody { get; init; }

    /// <summary>Key of the route before Discord told us its bucket.</summary>
    internal string RouteKey => $"{Method.Method} {Template}";
}
