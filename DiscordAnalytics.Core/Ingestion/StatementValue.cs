namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// One parameter value of a <see cref="PreparedStatement"/>: an integer, a truth value, a text, a blob or NULL, converted
/// implicitly from what call sites hold. A struct, so binding the ~10 values of an ingestion insert allocates
/// nothing (as <c>object</c> every long and bool was boxed: millions of allocations per million events).
/// </summary>
public readonly struct StatementValue
{
    private StatementValue(StatementValueKind kind, long integer, object? reference)
    {
        Kind = kind;
        Integer = integer;
        Reference = reference;
    }

    public StatementValueKind Kind { get; }

    public long Integer { get; }

    /// <summary>The <see cref="string"/> or <see cref="byte"/> array of a text or blob value.</summary>
    public object? Reference { get; }

    public static implicit operator StatementValue(long value) => new(StatementValueKind.Integer, value, null);

    public static implicit operator StatementValue(int value) => new(StatementValueKind.Integer, value, null);

    public static implicit operator StatementValue(bool value) => new(StatementValueKind.Boolean, value ? 1 : 0, null);

    public static implicit operator StatementValue(long? value) =>
        value is { } integer ? new(StatementValueKind.Integer, integer, null) : default;

    public static implicit operator StatementValue(string? value) =>
        value is null ? default : new(StatementValueKind.Text, 0, value);

    public static implicit operator StatementValue(byte[]? value) =>
        value is null ? default : new(StatementValueKind.Blob, 0, value);
}
