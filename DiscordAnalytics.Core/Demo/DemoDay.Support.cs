namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// What becomes of a day's help-forum posts (support signals): most answered ones are tagged solved or archived some
/// hours after their last reply, a few stay open; some unanswered ones are asked again a day later (an escalation) or
/// archived unanswered. Drawn from their own random stream and kept out of the day's drafts (no reactions, edits or
/// deletes), so every other figure of the demo stays what it was.
/// </summary>
internal sealed partial class DemoDay
{
    private DemoRandom? _support;

    private DemoRandom Support => _support ??= new DemoRandom(_community.Seed, _day, 13);

    /// <summary>Whether a help-forum asker mentions the moderators role in their question.</summary>
    private bool MentionsModerators() => Support.Chance(DemoCommunity.ModeratorMentionShare);

    /// <summary>An answered help thread, last posted in at <paramref name="lastAt"/>: tagged solved, archived, or left open.</summary>
    private void Answered(ulong threadId, string title, DemoMember asker, long lastAt)
    {
        var roll = Support.NextDouble();
        if (roll < 0.55)
        {
            var at = After(lastAt, 3 * DemoRhythm.HourMs, 20 * DemoRhythm.MinuteMs);
            if (at <= _cap)
            {
                Add(_community.ThreadSolved(at, threadId, title, asker));
            }
        }
        else if (roll < 0.8)
        {
            var at = After(lastAt, 8 * DemoRhythm.HourMs, DemoRhythm.HourMs);
            if (at <= _cap)
            {
                Add(_community.ThreadArchived(at, threadId, title, asker));
            }
        }
    }

    /// <summary>An unanswered help thread started at <paramref name="askedAt"/>: asked again after a day, archived unanswered, or left open.</summary>
    private void Unanswered(ulong threadId, string title, DemoMember asker, long askedAt)
    {
        var roll = Support.NextDouble();
        if (roll < 0.35)
        {
            // The escalation period is a day: the asker comes back just after it.
            var at = After(askedAt + DemoRhythm.DayMs, 2 * DemoRhythm.HourMs, 10 * DemoRhythm.MinuteMs);
            if (at <= _cap)
            {
                Add(_community.MessageCreated(at, threadId, _ids.Next(at), asker, DemoText.Bump(Support), replyTo: null));
            }
        }
        else if (roll < 0.55)
        {
            var at = After(askedAt + 12 * DemoRhythm.HourMs, 6 * DemoRhythm.HourMs, DemoRhythm.HourMs);
            if (at <= _cap)
            {
                Add(_community.ThreadArchived(at, threadId, title, asker));
            }
        }
    }
}
