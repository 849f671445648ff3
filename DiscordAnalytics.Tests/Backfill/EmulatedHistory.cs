using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

namespace DiscordAnalytics.Tests.Backfill;

/// <summary>
/// What REST backfill tests run against: the loopback Discord emulator, with 200 ms bucket windows so paging through
/// its buckets stays short, and a migrated temporary store.
/// </summary>
public sealed class EmulatedHistory : IAsyncDisposable
{
    private EmulatedHistory(DiscordEmulator emulator, TempSqliteStore store)
    {
        Emulator = emulator;
        Store = store;
    }

    public DiscordEmulator Emulator { get; }

    public TempSqliteStore Store { get; }

    public static async Task<EmulatedHistory> StartAsync()
    {
        var emulator = await DiscordEmulator.StartAsync();
        emulator.RouteResetAfter = TimeSpan.FromMilliseconds(200);
        return new EmulatedHistory(emulator, await TempSqliteStore.CreateMigratedAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await Store.DisposeAsync();
    }
}
