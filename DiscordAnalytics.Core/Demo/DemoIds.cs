using DiscordAnalytics.Core.Discord;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// Snowflakes for the demo. The low 22 bits are Discord's worker (5 bits), process (5) and increment (12);
/// the demo gives each kind of id its own worker so ids of different kinds and of history and live never
/// collide, and history messages use <c>day % 32</c> as the process so a day's late follow-ups (which may
/// fall into the next day) cannot collide with the next day's own messages.
/// </summary>
internal static class DemoIds
{
    public const int HistoryMessageWorker = 1;
    public const int LiveMessageWorker = 2;
    public const int MemberWorker = 3;
    public const int JoinerWorker = 4;
    public const int LiveJoinerWorker = 5;
    public const int StructureWorker = 6;

    public static ulong Make(long unixMs, int worker, int process, int increment) =>
        Snowflake.FromUnixMs(unixMs) | ((ulong)(uint)(worker & 31) << 17) | ((ulong)(uint)(process & 31) << 12) | (uint)(increment & 4095);

    public static int WorkerOf(ulong id) => (int)((id >> 17) & 31);
}
