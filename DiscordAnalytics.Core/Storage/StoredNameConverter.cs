using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Stores a state enum as its <see cref="StoredNames{TEnum}"/> text: the column stays the text it always held.</summary>
public sealed class StoredNameConverter<TEnum>() : ValueConverter<TEnum, string>(value => StoredNames<TEnum>.Text(value), text => StoredNames<TEnum>.Parse(text))
    where TEnum : struct, Enum;
