namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// One thread's starter and first responses, from its messages in time order and the message it was started from (in
/// the parent channel): the starter is the earliest of them; each first response is the earliest later message, not
/// gone, by another author (humans only, and bots too).
/// </summary>
internal sealed class ThreadStart(ThreadMessage? origin)
{
    private ThreadMessage? _origin = origin;

    public ThreadMessage? Starter { get; private set; }

    public long? FirstHumanResponseAt { get; private set; }

    public long? FirstResponseAt { get; private set; }

    /// <summary>Whether any message in the thread itself was read.</summary>
    public bool SawThreadMessage { get; private set; }

    /// <summary>The message the thread was started from, while no message read came after it.</summary>
    public ThreadMessage? OriginNotPlaced => _origin;

    /// <summary>The thread's next message; true once both first responses are found (later messages change nothing).</summary>
    public bool Add(ThreadMessage message)
    {
        SawThreadMessage = true;
        if (_origin is { } origin && origin.IsBefore(message))
        {
            Visit(origin);
            _origin = null;
        }

        Visit(message);
        return FirstHumanResponseAt is not null && FirstResponseAt is not null;
    }

    /// <summary>The origin comes after every message read.</summary>
    public void PlaceOriginLast()
    {
        if (_origin is { } origin)
        {
            Visit(origin);
            _origin = null;
        }
    }

    private void Visit(ThreadMessage message)
    {
        if (Starter is not { } first)
        {
            Starter = message;
            return;
        }

        if (message.IsGone || message.AuthorId is null || message.AuthorId == first.AuthorId)
        {
            return;
        }

        FirstResponseAt ??= message.CreatedAt;
        if (!message.IsBot)
        {
            FirstHumanResponseAt ??= message.CreatedAt;
        }
    }
}
