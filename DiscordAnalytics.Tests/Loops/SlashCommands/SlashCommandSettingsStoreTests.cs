using DiscordAnalytics.Core.Loops.SlashCommands;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;

namespace DiscordAnalytics.Tests.Loops.SlashCommands;

/// <summary>A guild's slash command settings over a real store on both providers: off by default, saved, and the registered count kept apart.</summary>
public abstract class SlashCommandSettingsStoreTests(StoreProvider provider)
{
    private const ulong Guild = 849255963033600000;

    [Fact]
    public async Task Get_UnknownThenNewGuild_NullThenOffAndNothingRegistered()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var settings = new SlashCommandSettingsStore(store);
        Assert.Null(await settings.GetAsync((long)Guild, CancellationToken.None));
        Assert.False(await settings.SetAsync((long)Guild, answer: true, statsPublic: true, leaderboardPublic: true, CancellationToken.None));

        await store.WriteAsync(TestEvents.Guild(Guild, "Slash Guild", TestDays.NineOClock(0)));

        Assert.Equal(SlashCommandsView.Default, await settings.GetAsync((long)Guild, CancellationToken.None));
    }

    [Fact]
    public async Task Set_SwitchAndRegisteredCount_EachKeepsTheOther()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(TestEvents.Guild(Guild, "Slash Guild", TestDays.NineOClock(0)));
        var settings = new SlashCommandSettingsStore(store);

        await settings.SetAsync((long)Guild, answer: true, statsPublic: false, leaderboardPublic: true, CancellationToken.None);
        await settings.SetRegisteredAsync((long)Guild, 3, CancellationToken.None);
        Assert.Equal(new SlashCommandsView(true, false, true, 3), await settings.GetAsync((long)Guild, CancellationToken.None));

        await settings.SetAsync((long)Guild, answer: false, statsPublic: true, leaderboardPublic: false, CancellationToken.None);

        var view = await settings.GetAsync((long)Guild, CancellationToken.None);
        Assert.Equal(new SlashCommandsView(false, true, false, 3), view);
        Assert.False(view!.IsPublic(SlashCommand.Me));
        Assert.True(view.IsPublic(SlashCommand.Stats));
    }

    public sealed class OnSqlite() : SlashCommandSettingsStoreTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : SlashCommandSettingsStoreTests(StoreProvider.Postgres);
}
