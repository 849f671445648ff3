namespace DiscordAnalytics.Tests.Infrastructure.OpenAiEmulator;

/// <summary>One emulator for a test class whose base class owns the test lifetime (bUnit contexts); reset per test.</summary>
public sealed class OpenAiEmulatorFixture : IAsyncLifetime
{
    private OpenAiEmulator? _model;

    public OpenAiEmulator Model => _model ?? throw new InvalidOperationException("The emulator starts in InitializeAsync.");

    public async Task InitializeAsync() => _model = await OpenAiEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        if (_model is not null)
        {
            await _model.DisposeAsync();
        }
    }
}
