using System.Globalization;
using System.Text;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// RFC 4180 CSV with spreadsheet-formula neutralising: a cell that starts with = + - @ (or a tab/CR/NUL, as OWASP ASVS 1.2.10 lists) is
/// prefixed with an apostrophe, so a hostile excerpt or name cannot run as a formula in Excel.
/// </summary>
public static class CsvWriter
{
    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var csv = new StringBuilder();
        AppendRow(csv, header);
        foreach (var row in rows)
        {
            AppendRow(csv, row);
        }

        return csv.ToString();
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                csv.Append(',');
            }

            first = false;
            csv.Append(Escape(cell));
        }

        csv.Append("\r\n");
    }

    private static string Escape(object? cell)
    {
        var text = cell switch
        {
            null => string.Empty,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString() ?? string.Empty,
        };
        if (cell is string && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\0')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
