namespace DiscordAnalytics.Core.Demo;

/// <summary>A live help-forum post <see cref="DemoLiveSupport"/> follows until its fate (solved, archived, asked again) happened.</summary>
internal sealed class DemoLiveHelpThread(ulong id, string title, DemoMember asker, long askedAt, double fate, long delayMs)
{
    public ulong Id { get; } = id;

    public string Title { get; } = title;

    public DemoMember Asker { get; } = asker;

    public long AskedAt { get; } = askedAt;

    /// <summary>A draw in [0, 1) that decides what becomes of it, as in the history (<see cref="DemoDay"/>).</summary>
    public double Fate { get; } = fate;

    /// <summary>How long after its answer (or its question, when unanswered) the fate comes.</summary>
    public long DelayMs { get; } = delayMs;

    /// <summary>When someone other than the asker first posted in it; null while unanswered.</summary>
    public long? AnsweredAt { get; set; }
}
