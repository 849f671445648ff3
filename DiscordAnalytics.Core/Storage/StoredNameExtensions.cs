namespace DiscordAnalytics.Core.Storage;

/// <summary><c>state.StoredName()</c>: the text a state enum value is stored as (see <see cref="StoredNames{TEnum}"/>).</summary>
public static class StoredNameExtensions
{
    public static string StoredName<TEnum>(this TEnum value)
        where TEnum : struct, Enum => StoredNames<TEnum>.Text(value);
}
