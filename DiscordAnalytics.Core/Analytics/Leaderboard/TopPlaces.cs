namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// The best <c>top</c> places of a leaderboard, kept while members are offered one by one: a heap whose root is the worst
/// place kept, so a large guild's members cost one comparison each instead of a sort of them all. Better is a higher
/// score, then a higher tie-break (<see cref="LeaderboardQuery.TieBreak"/>), then the lower user id.
/// </summary>
internal sealed class TopPlaces(LeaderboardRanking by, int top)
{
    private readonly PriorityQueue<(LeaderboardQuery.Candidate Member, long Voice, double Score), (double Score, long TieBreak, long User)> _kept =
        new(Comparer<(double Score, long TieBreak, long User)>.Create(Worse));

    public void Offer(LeaderboardQuery.Candidate member, long voice, double score)
    {
        var place = (score, LeaderboardQuery.TieBreak(by, member, voice), member.User);
        if (_kept.Count < top)
        {
            _kept.Enqueue((member, voice, score), place);
        }
        else if (top > 0 && _kept.TryPeek(out _, out var worst) && Worse(worst, place) < 0)
        {
            _kept.DequeueEnqueue((member, voice, score), place);
        }
    }

    /// <summary>Whether a member with this score, tie-break and id would be kept now (fewer than top kept, or better than the worst).</summary>
    public bool Beats(double score, long tieBreak, long user) =>
        top > 0 && (_kept.Count < top || (_kept.TryPeek(out _, out var worst) && Worse(worst, (score, tieBreak, user)) < 0));

    /// <summary>The places kept, best first.</summary>
    public List<(LeaderboardQuery.Candidate Member, long Voice, double Score)> Ranked()
    {
        var ranked = new List<(LeaderboardQuery.Candidate Member, long Voice, double Score)>(_kept.Count);
        while (_kept.Count > 0)
        {
            ranked.Add(_kept.Dequeue());
        }

        ranked.Reverse();
        return ranked;
    }

    /// <summary>Orders the worse place first: the lower score, then the lower tie-break, then the higher user id.</summary>
    internal static int Worse((double Score, long TieBreak, long User) a, (double Score, long TieBreak, long User) b)
    {
        var byScore = a.Score.CompareTo(b.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byTie = a.TieBreak.CompareTo(b.TieBreak);
        return byTie != 0 ? byTie : b.User.CompareTo(a.User);
    }
}
