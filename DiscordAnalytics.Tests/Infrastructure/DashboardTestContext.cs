using Bunit;
using DiscordAnalytics.Core;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.TrendingTopics;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Loops.ActivityRoles;
using DiscordAnalytics.Core.Loops.Alerts;
using DiscordAnalytics.Core.Loops.SlashCommands;
using DiscordAnalytics.Core.Ingestion.DeadLetters;
using DiscordAnalytics.Core.Retention;
using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Web.Components.Shared;
using DiscordAnalytics.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// bUnit context for dashboard components: a real seeded SQLite store, the real query services, the real
/// live-update throttle driven by a <see cref="FakeTimeProvider"/>, and MudBlazor with loose JS interop.
/// <see cref="SeedWorldAsync"/> writes a small known community (see <see cref="World"/>).
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    /// <summary>2026-11-19 15:00 UTC: "now" in every dashboard test.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 19, 15, 0, 0, TimeSpan.Zero);

    private TempSqliteStore? _store;

    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Cards load off the render thread; a cold first query on a busy 2-core machine can pass 1 s.
        DefaultWaitTimeout = TimeSpan.FromSeconds(30);
        // The dashboard shows the last retention run under its cards.
        AddRetentionServices();
    }

    protected TempSqliteStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    protected FakeTimeProvider Time { get; } = new(Now);

    protected IngestionNotifier Notifier { get; } = new();

    /// <summary>The <c>Ai</c> settings the insights card's generator reads; offline unless a test points it at a model.</summary>
    protected AiOptions Ai { get; } = new();

    /// <summary>The UTC day bucket of <see cref="Now"/>.</summary>
    protected static int Today => DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());

    /// <summary>Epoch ms of <paramref name="hour"/>:<paramref name="minute"/> UTC, <paramref name="daysAgo"/> days before today.</summary>
    protected static long At(int daysAgo, int hour = 10, int minute = 0) =>
        DayBucket.StartMs(Today - daysAgo) + (hour * 60L + minute) * 60_000;

    /// <summary>The last 7 days of <paramref name="guild"/>, as the dashboard asks by default.</summary>
    protected static AnalyticsQuery Last7Days(ulong guild = World.Guild) =>
        new(guild, AnalyticsWindow.Last(7, Today), AnalyticsQuery.DefaultTop, false);

    /// <summary>A week in early 2025: before anything was seeded.</summary>
    protected static AnalyticsQuery QuietWeek(ulong guild = World.Guild) =>
        new(guild, AnalyticsWindow.Between(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 7)), AnalyticsQuery.DefaultTop, false);

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync();
        var cs = _store.ConnectionString;
        Services.AddMudServices();
        // Settings the cards read (e.g. Invites:RetryAfter), at their defaults.
        Services.AddOptions();
        Services.AddDbContextFactory<AnalyticsDbContext>(o => o.UseSqlite(cs).AddInterceptors(new SqlitePragmas()));
        Services.AddSingleton(new IngestionMode(IsDemo: true));
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddAnalyticsQueries();
        Services.AddSingleton(Options.Create(Ai));
        Services.AddSingleton<OfflineInsightGenerator>();
        Services.AddSingleton<IOptedOutMembers, NoOptedOutMembers>();
        Services.AddSingleton<IInsightGenerator, AiInsightGenerator>();
        Services.AddSingleton<InsightsService>();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(Notifier);
        Services.AddScoped<DashboardLiveUpdates>();
        Services.AddTransient<GuildSelection>();
        Services.AddSingleton(Options.Create(new DiscordOptions()));
        Services.AddSingleton(new IngestionPipeline(
            Options.Create(new IngestionOptions()),
            Options.Create(new StorageOptions { ConnectionString = cs }),
            new IngestionMode(IsDemo: true),
            Notifier,
            Time,
            NullLogger<IngestionPipeline>.Instance));
        // The member-privacy panel forgets through the pipeline: a test that forgets starts it (StartIngestionAsync).
        Services.AddSingleton<IIngestionSink>(sp => sp.GetRequiredService<IngestionPipeline>());
        Services.AddSingleton<IIngestionFlusher>(sp => sp.GetRequiredService<IngestionPipeline>());
        Services.AddSingleton<IIngestionStatus>(sp => sp.GetRequiredService<IngestionPipeline>());
        Services.AddSingleton<MemberPrivacySettings>();
        Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DeadLetterService>(sp, NullLogger<DeadLetterService>.Instance));
        Services.AddSingleton<ForgottenDigestScrubber>();
        // Demo mode: no REST client, so a posted digest has nothing to edit (the scrubber still scrubs the store).
        Services.AddSingleton<Core.Digests.DigestPoster>();
        // Demo mode: role changes go to the demo's own roles (the Settings page's activity-roles panel).
        Services.AddActivityRoles(isDemo: true, hasDiscord: false);
        // Demo mode: alerts are posted, simulated, to the demo's own poster (the Settings page's alerts panel).
        Services.AddAlerts(isDemo: true, hasDiscord: false);
        Services.AddSlashCommands(isDemo: true, hasDiscord: false);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // Components first (they cancel their loads), then the store's file.
        await base.DisposeAsync();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    /// <summary>
    /// The retention services the Settings page's retention panel needs, over this context's store (default
    /// period 90 days). Callable from a constructor: the store is read when the services are first used.
    /// </summary>
    protected void AddRetentionServices()
    {
        Services.AddSingleton(Options.Create(new RetentionOptions { RawEventDays = 90 }));
        Services.AddSingleton(_ => Options.Create(new StorageOptions { ConnectionString = Store.ConnectionString }));
        Services.AddSingleton<RetentionStatusQuery>();
        Services.AddSingleton<GuildRetentionSettings>();
        Services.AddSingleton<RawEventPruner>();
        Services.AddSingleton<RetentionService>(sp => ActivatorUtilities.CreateInstance<RetentionService>(sp, NullLogger<RetentionService>.Instance));
    }

    /// <summary>What ingestion does after a committed batch: notify, and let the one-second throttle fire.</summary>
    protected void PublishAndTick(params ulong[] guilds)
    {
        Notifier.Publish(guilds);
        Time.Advance(DashboardLiveUpdates.MinInterval);
    }

    /// <summary>
    /// Writes <see cref="World"/>: the numbers every card test asserts, in the last 7 days (and a little in
    /// the 7 days before, for the deltas).
    /// </summary>
    protected async Task SeedWorldAsync()
    {
        const ulong g = World.Guild;
        var setup = At(1, 9);
        await Store.WriteAsync(
            TestEvents.Guild(g, "Trading Room", setup),
            TestEvents.Guild(World.OtherGuild, "Alpha Crew", setup),
            TestEvents.Channel(g, World.General, "general", setup),
            TestEvents.Channel(g, World.Setups, "setups", setup),
            TestEvents.Channel(g, World.Random, "random", setup),
            TestEvents.Channel(World.OtherGuild, World.OtherChannel, "lobby", setup),
            TestEvents.Member(g, World.Alice, "alice", setup),
            TestEvents.Member(g, World.Bob, "bob", setup),
            TestEvents.Member(g, World.Carol, "carol", setup),
            TestEvents.Member(g, World.Dave, "dave", setup),
            TestEvents.Member(g, World.Bot, "ticker-bot", setup, bot: true));

        await Store.WriteAsync(
            // The community's history starts long before (so the 7-day window has earlier data to compare with).
            TestEvents.Message(g, World.General, World.Alice, At(61, 8), 9, "first message ever"),

            // The previous window (8-13 days ago): 4 messages by alice, one leave (gus).
            TestEvents.Message(g, World.General, World.Alice, At(10, 8), 1, "old news 1"),
            TestEvents.Message(g, World.General, World.Alice, At(10, 9), 2, "old news 2"),
            TestEvents.Message(g, World.General, World.Alice, At(9, 9), 3, "old news 3"),
            TestEvents.Message(g, World.General, World.Alice, At(8, 9), 4, "old news 4"),
            TestEvents.Leave(g, World.Gus, At(9, 12)),

            // This window. general: 5 (alice 3, bob 2) plus a bot message that must not count.
            TestEvents.Message(g, World.General, World.Alice, World.GmAt, 0, "gm everyone"),
            TestEvents.Message(g, World.General, World.Alice, At(1, 11), 1, "coffee first"),
            TestEvents.Message(g, World.General, World.Alice, At(0, 9), 1, "markets open soon"),
            TestEvents.Message(g, World.General, World.Bob, At(0, 10), 1, "hi"),
            TestEvents.Message(g, World.General, World.Bob, At(0, 11), 1, "lunch?"),
            TestEvents.Message(g, World.General, World.Bot, At(0, 12), 1, "price alert", bot: true),

            // setups: 3 (carol 2, alice 1) and a thread by carol.
            TestEvents.Message(g, World.Setups, World.Carol, World.SetupAt, 0, World.SetupExcerpt),
            TestEvents.Message(g, World.Setups, World.Carol, At(2, 15), 1, "follow-up chart"),
            TestEvents.Message(g, World.Setups, World.Alice, At(2, 16), 1, "nice one"),
            TestEvents.Thread(g, World.Setups, World.SetupThread, World.Carol, "EURUSD discussion", At(2, 17)),

            // random: bob posts 2, deletes 1.
            TestEvents.Message(g, World.Random, World.Bob, At(1, 20), 1, "oops wrong channel"),
            TestEvents.Message(g, World.Random, World.Bob, At(1, 21), 1, "memes"),
            TestEvents.Delete(g, World.Random, TestEvents.MessageId(At(1, 20), 1), At(1, 22)),

            // Reactions: the setup gets 3 (alice, bob, dave), gm gets 1 (dave); the bot's do not count.
            TestEvents.Reaction(g, World.Setups, World.SetupMessage, World.Alice, At(2, 15)),
            TestEvents.Reaction(g, World.Setups, World.SetupMessage, World.Bob, At(2, 15, 5)),
            TestEvents.Reaction(g, World.Setups, World.SetupMessage, World.Dave, At(2, 15, 10), "🔥"),
            TestEvents.Reaction(g, World.General, World.GmMessage, World.Dave, At(0, 9, 30)),
            new IngestEvent
            {
                Type = IngestEventType.ReactionAdd, GuildId = g, ChannelId = World.General, MessageId = World.GmMessage,
                UserId = World.Bot, IsBot = true, Emoji = "🤖", EventAt = At(0, 9, 31),
            },

            // Members: dave and frank join, erin leaves.
            TestEvents.Join(g, World.Dave, "dave", At(3, 8)),
            TestEvents.Join(g, World.Frank, "frank", At(0, 8)),
            TestEvents.Leave(g, World.Erin, At(1, 8)));
    }

    /// <summary>The community <see cref="SeedWorldAsync"/> writes, and the numbers it yields for the last 7 days.</summary>
    public static class World
    {
        public const ulong Guild = 900_000_000_000_000_001;
        public const ulong OtherGuild = 900_000_000_000_000_002;
        public const ulong General = 910_000_000_000_000_001;
        public const ulong Setups = 910_000_000_000_000_002;
        public const ulong Random = 910_000_000_000_000_003;
        public const ulong SetupThread = 910_000_000_000_000_004;
        public const ulong OtherChannel = 910_000_000_000_000_009;
        public const ulong Alice = 920_000_000_000_000_001;
        public const ulong Bob = 920_000_000_000_000_002;
        public const ulong Carol = 920_000_000_000_000_003;
        public const ulong Dave = 920_000_000_000_000_004;
        public const ulong Erin = 920_000_000_000_000_005;
        public const ulong Frank = 920_000_000_000_000_006;
        public const ulong Gus = 920_000_000_000_000_007;
        public const ulong Bot = 920_000_000_000_000_099;

        public const string SetupExcerpt = "Breakout setup: EURUSD 1.0850 -> 1.0920";

        public static long GmAt => At(1, 8);

        public static long SetupAt => At(2, 14);

        public static ulong GmMessage => TestEvents.MessageId(GmAt);

        public static ulong SetupMessage => TestEvents.MessageId(SetupAt);
    }
}
