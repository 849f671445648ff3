namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>
/// Observing concurrent history paging: how many message-page requests were in the emulator at once, and a
/// rendezvous that holds each page request until that many are in flight together, so overlap is a fact the test
/// can assert rather than a timing it hopes for.
/// </summary>
public sealed partial class DiscordEmulator
{
    private readonly Lock _pagesGate = new();
    private readonly TaskCompletionSource _pagesTogether = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pagesInFlight;
    private int _maxPagesInFlight;

    /// <summary>
    /// When above 1, <c>GET /channels/{id}/messages</c> requests are held until this many are in flight at once (or
    /// <see cref="PagesTogetherTimeout"/> passes, so a client that pages one channel at a time is answered, slowly);
    /// once they met, nothing is held again.
    /// </summary>
    public int HoldPagesUntilInFlight { get; set; }

    /// <summary>How long a held page request waits for the others. Default 10 s.</summary>
    public TimeSpan PagesTogetherTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most message-page requests the emulator held at the same time.</summary>
    public int MaxPagesInFlight
    {
        get
        {
            lock (_pagesGate)
            {
                return _maxPagesInFlight;
            }
        }
    }

    private async Task<IDisposable> EnterPageAsync()
    {
        Task together;
        lock (_pagesGate)
        {
            _pagesInFlight++;
            _maxPagesInFlight = Math.Max(_maxPagesInFlight, _pagesInFlight);
            if (HoldPagesUntilInFlight > 1 && _pagesInFlight >= HoldPagesUntilInFlight)
            {
                _pagesTogether.TrySetResult();
            }

            together = HoldPagesUntilInFlight > 1 ? _pagesTogether.Task : Task.CompletedTask;
        }

        try
        {
            await together.WaitAsync(PagesTogetherTimeout);
        }
        catch (TimeoutException)
        {
            // Answered anyway: the test sees MaxPagesInFlight below what it asked for.
        }

        return new PageExit(this);
    }

    private void ExitPage()
    {
        lock (_pagesGate)
        {
            _pagesInFlight--;
        }
    }

    private sealed class PageExit(DiscordEmulator emulator) : IDisposable
    {
        public void Dispose() => emulator.ExitPage();
    }
}
