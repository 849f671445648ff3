namespace DiscordAnalytics.Core.Analytics.Invites;

/// <summary>The running counts of one invite's or inviter's joins while <see cref="InvitesQuery"/> reads them.</summary>
internal sealed class InviteCounts
{
    public long Joins { get; set; }

    public long Posted { get; set; }

    public long Stayed { get; set; }

    public void Add(InviteCounts other)
    {
        Joins += other.Joins;
        Posted += other.Posted;
        Stayed += other.Stayed;
    }
}
