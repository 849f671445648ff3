using System.Runtime.CompilerServices;
using System.Text.Json;
using DiscordAnalytics.Core.Discord.Rest;

namespace DiscordAnalytics.Core.Discord.Members;

/// <summary>
/// Walks a guild's member list page by page (<c>GET /guilds/{id}/members?limit=1000&amp;after=</c>: by user id,
/// ascending): each member with its user id, until a page shorter than <see cref="DiscordRestClient.MemberPageSize"/>
/// ends the list. A member without a user id is skipped. Shared by the gap repair's joins and the large guild's list.
/// </summary>
public static class MemberPages
{
    /// <param name="readPage">Reads the page after the given user id (null: the first page).</param>
    public static async IAsyncEnumerable<(JsonElement Member, ulong UserId)> ReadAsync(
        Func<ulong?, CancellationToken, Task<IReadOnlyList<JsonElement>>> readPage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ulong? after = null;
        while (true)
        {
            var page = await readPage(after, cancellationToken).ConfigureAwait(false);
            foreach (var member in page)
            {
                if (Json.Object(member, "user") is not { } user || Json.Snowflake(user, "id") is not { } userId)
                {
                    continue;
                }

                after = after is { } a && a > userId ? a : userId;
                yield return (member, userId);
            }

            if (page.Count < DiscordRestClient.MemberPageSize)
            {
                yield break;
            }
        }
    }
}
