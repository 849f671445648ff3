using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// A member's role ids as an event carries them: a list compared by its items, so two events saying the same are equal
/// (events are records, compared whole by dedupe checks and tests), stored as a JSON array of ids.
/// </summary>
[JsonConverter(typeof(RoleIdListJsonConverter))]
public sealed class RoleIdList(IEnumerable<ulong> ids) : IReadOnlyList<ulong>, IEquatable<RoleIdList>
{
    private readonly ulong[] _ids = [.. ids];

    public int Count => _ids.Length;

    public ulong this[int index] => _ids[index];

    public static implicit operator RoleIdList(ulong[] ids) => new(ids);

    public static implicit operator RoleIdList(List<ulong> ids) => new(ids);

    public bool Equals(RoleIdList? other) => other is not null && _ids.AsSpan().SequenceEqual(other._ids);

    public override bool Equals(object? obj) => Equals(obj as RoleIdList);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var id in _ids)
        {
            hash.Add(id);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"[{string.Join(',', _ids)}]";

    public IEnumerator<ulong> GetEnumerator() => ((IEnumerable<ulong>)_ids).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _ids.GetEnumerator();
}
