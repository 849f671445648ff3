namespace DiscordAnalytics.Web.Auth;

/// <summary>
/// Where the first-start password is printed: the process console, deliberately not ILogger, so it never
/// reaches a log sink. Tests substitute a writer of their own.
/// </summary>
public sealed class AdminConsole(TextWriter writer)
{
    public void WriteBlock(IEnumerable<string> lines)
    {
        lock (writer)
        {
            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }

            writer.Flush();
        }
    }
}
