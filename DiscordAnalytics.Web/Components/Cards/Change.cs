using System.Globalization;

namespace DiscordAnalytics.Web.Components.Cards;

/// <summary>How a number moved against the previous window, as the totals card shows it.</summary>
/// <param name="Text"><c>+12%</c>, <c>-5%</c>, <c>0%</c>, or <c>new</c> when the previous window had none.</param>
/// <param name="Direction">1 up, -1 down, 0 unchanged.</param>
public readonly record struct Change(string Text, int Direction)
{
    /// <summary>The previous window starts before the guild's first stored event: no change to compute.</summary>
    public static Change NoEarlierData { get; } = new("no earlier data", 0);

    public static Change Between(long current, long previous)
    {
        if (previous == 0)
        {
            return current == 0 ? new("0%", 0) : new("new", 1);
        }

        var percent = (current - previous) * 100.0 / previous;
        var rounded = Math.Abs(percent) < 10 ? Math.Round(percent, 1) : Math.Round(percent);
        if (rounded == 0)
        {
            return new("0%", Math.Sign(current - previous));
        }

        var text = rounded.ToString("+#,0.#;-#,0.#", CultureInfo.InvariantCulture) + "%";
        return new(text, Math.Sign(current - previous));
    }

    /// <summary>
    /// The change as a signed difference (<c>+2</c>, <c>-3</c>, <c>0</c>), for numbers that can be negative (net
    /// growth), where a percentage of a negative number reads backwards.
    /// </summary>
    public static Change Difference(long current, long previous)
    {
        var difference = current - previous;
        return new(difference.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture), Math.Sign(difference));
    }

    /// <summary>The CSS classes of the change's colour; for numbers where a rise is bad news, pass false.</summary>
    public string CssClass(bool higherIsBetter = true)
    {
        var good = higherIsBetter ? Direction > 0 : Direction < 0;
        var tone = Direction == 0 ? "da-change-flat" : good ? "da-change-good" : "da-change-bad";
        return $"da-change {tone}";
    }
}
