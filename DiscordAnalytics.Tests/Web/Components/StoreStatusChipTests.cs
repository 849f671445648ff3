using Bunit;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>
/// The top bar's store chip over a real pipeline and a really full store file (<see cref="StoreSpace"/>): absent
/// while writing, "Store unavailable" with the reason while the store refuses writes, gone again once space is back.
/// </summary>
public sealed class StoreStatusChipTests : BunitContext, IAsyncLifetime
{
    private static readonly long T0 = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private readonly StoreSpace _space = new();
    private TempSqliteStore _store = null!;
    private IngestionPipeline _pipeline = null!;

    public StoreStatusChipTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        DefaultWaitTimeout = TimeSpan.FromSeconds(30);
        Services.AddMudServices();
    }

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateMigratedAsync();
        _pipeline = new IngestionPipeline(
            Options.Create(new IngestionOptions { QueueCapacity = 1_000, MaxBatchSize = 50, StoreRetryMaxDelay = TimeSpan.FromMilliseconds(100) }),
            Options.Create(new StorageOptions { ConnectionString = _store.ConnectionString }),
            new IngestionMode(IsDemo: false),
            new IngestionNotifier(),
            TimeProvider.System,
            NullLogger<IngestionPipeline>.Instance,
            _space);
        Services.AddSingleton(_pipeline);
        Services.AddSingleton<IIngestionStatus>(_pipeline);
        await _pipeline.StartAsync(CancellationToken.None);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _pipeline.StopAsync(CancellationToken.None);
        _pipeline.Dispose();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Render_StoreFillsThenFrees_ChipSaysStoreFullThenGoes()
    {
        var cut = Render<StoreStatusChip>();
        Assert.Empty(cut.FindAll("[data-testid=store-status]"));

        _space.Fill();
        for (var i = 0; i < 300; i++)
        {
            var id = Snowflake.FromUnixMs(T0) + (ulong)i;
            await _pipeline.WriteAsync(new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = 5_000, EventAt = Snowflake.ToUnixMs(id), ChannelId = 1, MessageId = id, UserId = 2, Excerpt = $"message {i} with enough text to need new pages" }, CancellationToken.None);
        }

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Store unavailable", cut.Find("[data-testid=store-status]").TextContent.Trim());
            Assert.StartsWith("Store full since", cut.Find("[data-testid=store-reason]").TextContent.Trim(), StringComparison.Ordinal);
        });

        _space.Free();
        await _pipeline.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=store-status]")));
    }
}
