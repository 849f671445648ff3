namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// What a channel's question replay reads before its first message, read for every channel of a batch at once on
/// PostgreSQL (<see cref="QuestionStartsOnPostgres"/>): per view (without bots, with bots) the author of the counted
/// message just before the replay's start and the questions asked within <see cref="Storage.SupportAnswers.Within"/>
/// before it, and the replay's first page of the channel's messages.
/// </summary>
internal sealed class QuestionReplayStart
{
    public long? PreviousAuthor { get; set; }

    public long? PreviousAuthorWithBots { get; set; }

    public List<StoredQuestion> Before { get; } = [];

    public List<StoredQuestion> BeforeWithBots { get; } = [];

    /// <summary>The channel's first <see cref="QuestionFactsRefresh.PageSize"/> messages from the replay's start, in time order.</summary>
    public List<ChannelMessage> FirstPage { get; } = [];

    public long? PreviousAuthorOf(bool withBots) => withBots ? PreviousAuthorWithBots : PreviousAuthor;

    public List<StoredQuestion> BeforeOf(bool withBots) => withBots ? BeforeWithBots : Before;
}
