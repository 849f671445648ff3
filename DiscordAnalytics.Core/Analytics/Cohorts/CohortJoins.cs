namespace DiscordAnalytics.Core.Analytics.Cohorts;

/// <summary>
/// The cohorts' members as read from the member rows at a stored member-row version (<c>memberRowVersions</c>, stepped by
/// every join, bot flag, row added or deleted): valid for that version, zone and first cohort week only.
/// </summary>
internal sealed class CohortJoins
{
    public CohortJoins(long version, string zoneId, DateOnly first, List<(long User, int Cohort)> cohortOf, int weeks)
    {
        (Version, ZoneId, First, CohortOf) = (version, zoneId, first, cohortOf);
        Members = [.. Enumerable.Range(0, weeks).Select(_ => new List<int>())];
        SlotOf = new Dictionary<long, int>(cohortOf.Count);
        for (var i = 0; i < cohortOf.Count; i++)
        {
            Members[cohortOf[i].Cohort].Add(i);
            SlotOf[cohortOf[i].User] = i;
        }
    }

    public long Version { get; }

    public string ZoneId { get; }

    public DateOnly First { get; }

    /// <summary>Each cohort member (user, cohort); its position is the member's slot.</summary>
    public List<(long User, int Cohort)> CohortOf { get; }

    /// <summary>The slots of each cohort's members.</summary>
    public List<int>[] Members { get; }

    /// <summary>User id to slot.</summary>
    public Dictionary<long, int> SlotOf { get; }
}
