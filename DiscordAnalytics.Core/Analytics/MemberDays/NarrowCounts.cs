namespace DiscordAnalytics.Core.Analytics.MemberDays;

/// <summary>
/// One count per entry of a <see cref="MemberDay"/> (messages, reactions or threads), a byte each: nearly every member
/// posts, reacts and starts threads fewer than 255 times a day, so a year of 20k members a day takes a byte a count
/// instead of four. A count the byte cannot hold (255 or more, or below zero) is kept whole in a small map by member and
/// its byte marks it <see cref="Overflowed"/>, so every count stays exact.
/// </summary>
internal sealed class NarrowCounts
{
    /// <summary>The byte of an entry whose count is in <see cref="_large"/>.</summary>
    private const byte Overflowed = byte.MaxValue;

    private byte[] _counts = [];

    /// <summary>The counts the bytes cannot hold, by member (not by position: an entry moved by a removal keeps its own).</summary>
    private Dictionary<int, int>? _large;

    /// <summary>Counts kept whole in the overflow map (a test's view of how rare they are).</summary>
    public int Overflows => _large?.Count ?? 0;

    public int At(int position, int member)
    {
        var count = _counts[position];
        return count == Overflowed ? _large![member] : count;
    }

    public void Set(int position, int member, long count)
    {
        if ((ulong)count < Overflowed)
        {
            _counts[position] = (byte)count;
            _large?.Remove(member);
            return;
        }

        _counts[position] = Overflowed;
        (_large ??= [])[member] = checked((int)count);
    }

    public void Resize(int size) => Array.Resize(ref _counts, size);

    /// <summary>The entry at <paramref name="from"/> takes position <paramref name="to"/> (its overflow, by member, follows it).</summary>
    public void Move(int from, int to) => _counts[to] = _counts[from];

    /// <summary>A removed member's overflow, if any, is dropped.</summary>
    public void Forget(int member) => _large?.Remove(member);
}
