using DiscordAnalytics.Web.Hosting;

namespace DiscordAnalytics.Tests.Web.Hosting;

/// <summary>
/// The calls into glibc's malloc reach it where it is loaded (Linux with glibc: the CI and Docker images) and do
/// nothing elsewhere (musl, Windows, macOS), never throwing.
/// </summary>
public sealed class NativeHeapTests
{
    private static bool HasGlibc =>
        OperatingSystem.IsLinux() && File.ReadLines("/proc/self/maps").Any(l => l.EndsWith("/libc.so.6", StringComparison.Ordinal));

    [Fact]
    public void LimitArenas_ReachesGlibcWhereItIsLoaded() => Assert.Equal(HasGlibc, NativeHeap.LimitArenas());

    [Fact]
    public void Trim_ReachesGlibcWhereItIsLoaded() => Assert.Equal(HasGlibc, NativeHeap.Trim());
}
