using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Members;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// Joins of a gap repair, or of a manual run when the Server Members intent is granted: the member list's <c>joined_at</c> of members still in the guild. A join at or after the
/// cut-off becomes the join the gateway would have delivered (GUILD_MEMBER_ADD, same dedupe key: user and join time),
/// so one the gateway did deliver counts once. Members who joined and left while the app was down are not listed.
/// The same pages are a complete member list with roles: each member's roles are observed at the run's time (a join
/// read here carries none: the roles a member holds now say nothing about the ones they joined with), and the list's
/// end is a role snapshot, from which role filters are exact.
/// </summary>
public sealed partial class BackfillRunner
{
    private async Task MemberJoinsAsync(IHistorySource source, RunWork work, ulong guildId, long observedAt, List<IngestEvent> events, CancellationToken cancellationToken)
    {
        var joins = 0;
        try
        {
            var pages = MemberPages.ReadAsync(
                (after, ct) =>
                {
                    work.Execution.CountRequest();
                    return source.GetMembersAsync(guildId, after, ct);
                },
                cancellationToken);
            await foreach (var (member, _) in pages.ConfigureAwait(false))
            {
                events.AddRange(normalizer.NormalizeMember(guildId, member, observedAt));
                if (Json.Timestamp(member, "joined_at") is not { } joinedAt || joinedAt < work.Run.CutoffAt)
                {
                    continue;
                }

                var dispatch = JsonNode.Parse(member.GetRawText())!.AsObject();
                dispatch["guild_id"] = guildId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var normalized = normalizer.Normalize("GUILD_MEMBER_ADD", JsonSerializer.SerializeToElement(dispatch), observedAt);
                joins += normalized.Count(e => e.Type == IngestEventType.MemberAdd);
                events.AddRange(normalized.Select(e => e with { RoleIds = null }));
            }

            events.Add(DispatchNormalizer.RoleSnapshotEvent(guildId, observedAt));
        }
        catch (DiscordRestException ex) when (ex.StatusCode is HttpStatusCode.Forbidden)
        {
            // The Server Members intent is off: joins stay unrepaired, messages do not.
            LogMembersForbidden(logger, work.Run.RunId, guildId);
        }

        LogJoins(logger, work.Run.RunId, guildId, joins);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backfill run {RunId} of guild {GuildId}: the member list is refused (403, Server Members intent); joins and roles are not read from it")]
    private static partial void LogMembersForbidden(ILogger logger, long runId, ulong guildId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill run {RunId} of guild {GuildId}: {Joins} joins read from the member list")]
    private static partial void LogJoins(ILogger logger, long runId, ulong guildId, int joins);
}
