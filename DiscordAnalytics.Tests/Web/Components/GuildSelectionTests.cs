using Bunit;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>
/// The guild rules Dashboard, Digests and Settings share, over a real store: two demo guilds ("Alpha Crew",
/// "Trading Room") and one live guild ("Live Server"), read in demo mode, so the live guild is stored but not listed.
/// </summary>
public sealed class GuildSelectionTests : BunitContext, IAsyncLifetime
{
    private const ulong Trading = 940_000_000_000_000_001;
    private const ulong Alpha = 940_000_000_000_000_002;
    private const ulong Live = 940_000_000_000_000_003;
    private static readonly long At = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private TempSqliteStore _store = null!;

    public GuildSelectionTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync();
        await _store.WriteAsync(TestEvents.Guild(Trading, "Trading Room", At), TestEvents.Guild(Alpha, "Alpha Crew", At));
        await using var live = new IngestionBatchWriter(_store.ConnectionString, GuildMode.Live, NullLogger.Instance);
        await live.WriteAsync([TestEvents.Guild(Live, "Live Server", At)], CancellationToken.None);
        Services.AddDbContextFactory<AnalyticsDbContext>(o => o.UseSqlite(_store.ConnectionString));
        Services.AddSingleton(new IngestionMode(IsDemo: true));
        Services.AddSingleton<GuildsQuery>();
        Services.AddTransient<GuildSelection>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task ShowRequested_ListedGuildId_ShowsItWithoutNotice()
    {
        var selection = await LoadedAsync(address: Trading.ToString());

        Assert.True(await selection.ShowRequestedAsync(null, CancellationToken.None));

        Assert.Equal("Trading Room", selection.Guild?.Name);
        Assert.Null(selection.Notice);
        Assert.Equal(["Alpha Crew", "Trading Room"], selection.Choices.Select(g => g.Name));
    }

    [Fact]
    public async Task ShowRequested_GuildIdOfAnotherMode_ShowsItByIdAndListsItFirst()
    {
        var selection = await LoadedAsync(address: Live.ToString());

        await selection.ShowRequestedAsync(null, CancellationToken.None);

        Assert.Equal("Live Server", selection.Guild?.Name);
        Assert.Null(selection.Notice);
        Assert.Equal(["Live Server", "Alpha Crew", "Trading Room"], selection.Choices.Select(g => g.Name));
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("not-a-snowflake")]
    public async Task ShowRequested_UnknownGuildId_ShowsTheFirstListedGuildWithTheNotice(string unknown)
    {
        var selection = await LoadedAsync(address: unknown);

        await selection.ShowRequestedAsync(Trading.ToString(), CancellationToken.None);

        Assert.Equal("Alpha Crew", selection.Guild?.Name);
        Assert.Equal($"No data for server {unknown}. Showing Alpha Crew instead.", selection.Notice);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task ShowRequested_NoGuildId_ShowsThePreferredListedGuildElseTheFirst(string? address)
    {
        var selection = await LoadedAsync(address);

        await selection.ShowRequestedAsync(Trading.ToString(), CancellationToken.None);
        Assert.Equal("Trading Room", selection.Guild?.Name);

        // A preferred guild that is not listed (here: another mode's) is not taken: the first listed one is.
        await selection.ShowRequestedAsync(Live.ToString(), CancellationToken.None);
        Assert.Equal("Alpha Crew", selection.Guild?.Name);
        Assert.Null(selection.Notice);
    }

    [Fact]
    public async Task FollowAddress_EchoOfAPickThenAMove_KeepsThePickThenNamesTheAddressGuild()
    {
        var selection = await LoadedAsync(address: Trading.ToString());

        selection.Pick(Alpha.ToString());
        Assert.False(selection.FollowAddress(Alpha.ToString()));
        Assert.False(selection.FollowAddress(Alpha.ToString()));
        Assert.Equal(Alpha.ToString(), selection.RequestedGuildId);

        // Back, or a link to the first guild's page.
        Assert.True(selection.FollowAddress(Trading.ToString()));
        await selection.ShowRequestedAsync(null, CancellationToken.None);
        Assert.Equal("Trading Room", selection.Guild?.Name);
    }

    [Fact]
    public async Task WriteGuildIntoAddress_Pick_AsksTheBrowserToReplaceThisPagesAddressOnly()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"settings?guildId={Trading}&from=link");
        var selection = await LoadedAsync(address: Trading.ToString());

        await selection.WriteGuildIntoAddressAsync(Alpha.ToString(), CancellationToken.None);

        Assert.Equal(
            new object?[] { $"http://localhost/settings?guildId={Trading}&from=link", $"http://localhost/settings?guildId={Alpha}&from=link" },
            Assert.Single(JSInterop.Invocations[BrowserAddress.ReplaceIfStillAtFunction]).Arguments);
        Assert.Equal($"http://localhost/settings?guildId={Trading}&from=link", Services.GetRequiredService<NavigationManager>().Uri);
    }

    private async Task<GuildSelection> LoadedAsync(string? address)
    {
        var selection = Services.GetRequiredService<GuildSelection>();
        await selection.LoadAsync(CancellationToken.None);
        selection.FollowAddress(address);
        return selection;
    }
}
