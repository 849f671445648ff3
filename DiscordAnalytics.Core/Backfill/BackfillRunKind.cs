namespace DiscordAnalytics.Core.Backfill;

/// <summary>Who asked for a run (stored as these strings in <c>backfillRuns.kind</c>).</summary>
public static class BackfillRunKind
{
    /// <summary>The owner asked (settings page, API): stored as null, as every run before gap repair existed.</summary>
    /// <remarks>Not a const: the layer tests' NetArchTest 1.3.2 throws on a string constant whose value is null.</remarks>
    public static readonly string? Owner;

    /// <summary>A gap repair: the app imports what happened while it was down.</summary>
    public const string GapRepair = "gap";
}
