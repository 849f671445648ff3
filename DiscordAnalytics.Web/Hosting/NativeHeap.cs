using System.Runtime.InteropServices;

namespace DiscordAnalytics.Web.Hosting;

/// <summary>
/// glibc's malloc, which holds the memory allocated outside the GC heap (native SQLite's page caches and parsed
/// schemas, the JIT's working memory, OpenSSL). On Linux with glibc only; elsewhere (musl, Windows, macOS) every call
/// does nothing. Measured with <c>bench memory</c> (docs/performance.md, "Memory"): with the demo's three dashboards
/// open, ~55 MiB sat in malloc's heaps, spread over one arena per thread that had ever allocated.
/// </summary>
public static class NativeHeap
{
    /// <summary>
    /// At most two malloc arenas. glibc gives each allocating thread its own arena (up to 8 per core), and memory freed
    /// in one arena is reused only by the threads that allocate there, so every thread pool thread that once ran a
    /// query kept its own few MiB. Two arenas cost some lock contention between threads that malloc at the same moment,
    /// which the app's native work (SQLite reads, one writer) hardly has. Call first thing at start: the limit is read
    /// once, when the ninth arena would be made, and arenas made before it stay.
    /// </summary>
    public const int ArenaLimit = 2;

    private const string Libc = "libc.so.6";

    /// <summary><c>M_ARENA_MAX</c> in glibc's malloc.h.</summary>
    private const int ArenaMaxParameter = -8;

    /// <summary>Caps malloc's arenas at <see cref="ArenaLimit"/>; false where there is no glibc.</summary>
    public static bool LimitArenas() => Call(() => SetOption(ArenaMaxParameter, ArenaLimit) == 1);

    /// <summary>
    /// Gives the free pages of every arena back to the system. glibc returns only the free top of an arena by itself,
    /// and after large frees raises that threshold up to 32 MiB, so pages freed in the middle (a closed connection's
    /// page cache, a finished query's buffers) stay resident until this is called. False where there is no glibc.
    /// </summary>
    public static bool Trim() => Call(() => TrimHeaps(0) >= 0);

    private static bool Call(Func<bool> call)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return call();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Linux without glibc (Alpine's musl): its malloc has neither call, and nothing to tune here.
            return false;
        }
    }

    // DllImport rather than LibraryImport, which would need unsafe code for two calls of plain integers.
    [DllImport(Libc, EntryPoint = "mallopt")]
    private static extern int SetOption(int parameter, int value);

    [DllImport(Libc, EntryPoint = "malloc_trim")]
    private static extern int TrimHeaps(nuint pad);
}
