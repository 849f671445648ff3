namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A full snapshot of the guild's invites taken at <paramref name="At"/> was upserted (<see cref="IngestEventType.InviteSync"/>).</summary>
internal readonly record struct InvitesSynced(long Guild, long At)
{
    public static InvitesSynced From(IngestEvent e) => new((long)e.GuildId, e.EventAt);
}
