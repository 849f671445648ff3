using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.TrendingTopics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Infrastructure.OpenAiEmulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;
using DiscordAnalytics.Core.Analytics.Roles;

namespace DiscordAnalytics.Tests.Insights;

/// <summary>
/// From a real store to the model: the real summary query over a store whose messages were long, the real
/// generator and client, the loopback model endpoint.
/// </summary>
public sealed class InsightsServiceTests : IAsyncLifetime
{
    private const ulong G = 9_100;
    private const ulong General = 9_101;
    private const ulong Alice = 9_111;
    private const ulong Bob = 9_112;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private TempSqliteStore _store = null!;
    private OpenAiEmulator _model = null!;

    /// <summary>Over 280 characters: the store keeps the first 280, the tail must never reach the model.</summary>
    private static readonly string LongContent = "Opening range breakout on EURUSD: " + new string('x', 300) + " SECRET-TAIL-NEVER-STORED";

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync();
        _model = await OpenAiEmulator.StartAsync();
        var day = Now.ToUnixTimeMilliseconds() - (26 * 3_600_000);
        await _store.WriteAsync(
            Guild(G, "Long Talk", day - 86_400_000),
            Channel(G, General, "general", day - 86_400_000),
            Member(G, Alice, "alice", day - 86_400_000),
            Member(G, Bob, "bob", day - 86_400_000),
            Message(G, General, Alice, day, 1, LongContent),
            Message(G, General, Bob, day + 60_000, 2, "short reply"),
            Reaction(G, General, MessageId(day, 1), Bob, day + 120_000));
    }

    public async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Generate_StoreWithLongMessages_PromptHoldsTheSummaryWithExcerptsOnly()
    {
        _model.Enqueue(ScriptedChatReply.Completion(ModelReplies.Json([("Other", "Quiet week", "alice and bob talked.")], [])));
        var service = Service(AiProvider.AzureOpenAI);

        var generated = await service.GenerateAsync(Week(), CancellationToken.None);

        var prompt = Assert.Single(_model.Requests).Messages[1].Content;
        Assert.Contains(LongContent[..IngestEvent.MaxExcerptLength], prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-TAIL", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(LongContent[..(IngestEvent.MaxExcerptLength + 1)], prompt, StringComparison.Ordinal);
        Assert.Contains("\"schemaVersion\":1", prompt, StringComparison.Ordinal);
        Assert.Contains("\"hourly\":[", prompt, StringComparison.Ordinal);
        Assert.Equal("AzureOpenAI", generated!.Report.Generator);
        Assert.Equal("Quiet week", Assert.Single(generated.Report.Insights).Title);
    }

    [Fact]
    public async Task Cached_AfterGenerate_IsThatResultWithoutAnotherCall()
    {
        _model.Enqueue(ScriptedChatReply.Completion(ModelReplies.Json([("Other", "Quiet week", "alice and bob talked.")], [])));
        var service = Service(AiProvider.AzureOpenAI);
        Assert.Null(service.Cached(Week()));

        var generated = await service.GenerateAsync(Week(), CancellationToken.None);

        Assert.Same(generated, service.Cached(Week()));
        Assert.Same(generated, service.Cached(Week() with { Top = 25 }));
        Assert.Null(service.Cached(Week() with { Window = AnalyticsWindow.Last(30, DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds())) }));
        Assert.Single(_model.Requests);
        Assert.Equal(Now, generated!.GeneratedAt);
    }

    [Fact]
    public async Task Generate_UnknownGuild_IsNull()
    {
        var service = Service(AiProvider.Offline);

        var generated = await service.GenerateAsync(Week() with { GuildId = 424_242 }, CancellationToken.None);

        Assert.Null(generated);
        Assert.Null(service.Cached(Week() with { GuildId = 424_242 }));
    }

    private static AnalyticsQuery Week() =>
        new(G, AnalyticsWindow.Last(7, DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds())), AnalyticsQuery.DefaultTop, false);

    private InsightsService Service(AiProvider provider)
    {
        var contexts = _store;
        var memberDays = TestMemberDays.Over(contexts);
        var keywordDays = new KeywordDayCache(contexts, _time);
        var channelDays = TestChannelDays.Over(contexts);
        var summaries = new SummaryQuery(
            new GuildsQuery(contexts, new IngestionMode(IsDemo: false)),
            new TotalsQuery(contexts, channelDays, memberDays, _time, new RoleHolders(contexts), new HoldersGrowth(contexts, new RoleHolders(contexts))),
            new DailyActivityQuery(channelDays, memberDays),
            new TopChannelsQuery(contexts, _time),
            new TopMembersQuery(contexts, memberDays, _time, new RoleHolders(contexts)),
            new TopContentQuery(contexts, channelDays),
            new SupportSignalsQuery(contexts, _time, keywordDays),
            new HourlyActivityQuery(contexts, channelDays),
            new RisingMembersQuery(contexts, memberDays, _time, new RoleHolders(contexts)),
            new MemberGrowthQuery(contexts, _time, new HoldersGrowth(contexts, new RoleHolders(contexts))),
            new NewMemberActivationQuery(contexts, _time, new RoleHolders(contexts)),
            new EngagementQuery(memberDays, new RoleHolders(contexts)),
            new TrendingTopicsQuery(channelDays, keywordDays),
            new DiscordAnalytics.Core.Analytics.Voice.VoiceQuery(contexts, _time),
            new LurkersQuery(contexts, memberDays, new RoleHolders(contexts)),
            keywordDays,
            new DiscordAnalytics.Core.Analytics.Kinds.MessageKindsQuery(contexts),
            new DiscordAnalytics.Core.Analytics.Emojis.TopEmojisQuery(contexts),
            new DiscordAnalytics.Core.Analytics.Roles.RolesQuery(contexts, memberDays, new RoleHolders(contexts)),
            new DiscordAnalytics.Core.Analytics.Invites.InvitesQuery(contexts, _time),
            new DiscordAnalytics.Core.Analytics.Mentors.MentorsQuery(contexts),
            new DiscordAnalytics.Core.Loops.OfficeHours.OfficeHoursDraftQuery(contexts, _time));
        var generator = new AiInsightGenerator(
            Options.Create(new AiOptions { Provider = provider.ToString(), Endpoint = _model.BaseUrl, ApiKey = "k-123", Deployment = "d" }),
            new OfflineInsightGenerator(),
            new NoOptedOutMembers(),
            TimeProvider.System,
            NullLogger<AiInsightGenerator>.Instance);
        return new InsightsService(summaries, generator, _time);
    }
}
