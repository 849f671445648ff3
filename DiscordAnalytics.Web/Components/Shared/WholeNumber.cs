using System.Globalization;

namespace DiscordAnalytics.Web.Components.Shared;

/// <summary>
/// Reads what an owner typed into a field that changes stored data as a plain whole number in a range.
/// A numeric input read leniently turned "1e9" into 19 days of retention and "-5" into 1; here anything
/// but digits (surrounding spaces aside) is refused, so an exponent, a sign, a decimal point or a stray
/// letter never becomes a number.
/// </summary>
public static class WholeNumber
{
    /// <summary>The number <paramref name="text"/> holds when it is only digits and within [<paramref name="min"/>, <paramref name="max"/>]; otherwise null.</summary>
    public static int? Read(string? text, int min, int max)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !trimmed.All(char.IsAsciiDigit))
        {
            return null;
        }

        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : null;
    }

    /// <summary>What a refused field says: the range, in the field's unit.</summary>
    public static string RangeMessage(int min, int max, string unit) =>
        $"Enter a whole number of {unit} from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.";
}
