using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Hosting;

/// <summary>
/// A bad setting stops the start with one line that names the key and what it expects (and never the value given,
/// which may be a secret in the wrong place), and exit code <see cref="ExitCode"/>, instead of a stack trace: an
/// options check that failed (<see cref="OptionsValidationException"/>), or a value the configuration binder could
/// not convert (its <see cref="InvalidOperationException"/>). Anything else is no configuration error and is rethrown.
/// </summary>
public static partial class StartupErrors
{
    /// <summary>The exit code of a start refused over its settings or arguments.</summary>
    public const int ExitCode = 2;

    /// <summary>
    /// Runs the start's settings checks (every <c>ValidateOnStart</c>) now, before the host starts: a failure then
    /// reaches <see cref="TryDescribe"/> without the host having logged it as "Hosting failed to start" with a stack
    /// trace (and the binder's message, which quotes the value).
    /// </summary>
    public static void CheckSettings(IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    /// <summary>
    /// The one line for a configuration error; false for any other exception, and always false when this app is not
    /// the process (a test host runs <c>Main</c> through WebApplicationFactory and must get the exception itself).
    /// </summary>
    public static bool TryDescribe(Exception exception, [NotNullWhen(true)] out string? line)
    {
        if (Assembly.GetEntryAssembly() != typeof(StartupErrors).Assembly)
        {
            line = null;
            return false;
        }

        var problems = Problems(exception).Distinct(StringComparer.Ordinal).ToList();
        line = problems.Count > 0 ? "Configuration error: " + string.Join("; ", problems) : null;
        return line is not null;
    }

    private static IEnumerable<string> Problems(Exception? exception)
    {
        switch (exception)
        {
            case null:
                yield break;
            case OptionsValidationException invalid:
                foreach (var failure in invalid.Failures)
                {
                    yield return Describe(failure, invalid.OptionsType);
                }

                yield break;
            case AggregateException aggregate:
                // The start validator throws several failed options classes together.
                var inner = aggregate.InnerExceptions.Select(Problems).ToList();
                if (inner.Any(p => !p.Any()))
                {
                    yield break;
                }

                foreach (var problem in inner.SelectMany(p => p))
                {
                    yield return problem;
                }

                yield break;
            case InvalidOperationException when BindingFailure().Match(exception.Message) is { Success: true } binding:
                yield return $"{binding.Groups["key"].Value} must be {Expected(binding.Groups["type"].Value)}.";
                yield break;
            default:
                foreach (var problem in Problems(exception.InnerException))
                {
                    yield return problem;
                }

                yield break;
        }
    }

    /// <summary>
    /// Our own checks already name the key; a data annotation's message names only the property, so the key is
    /// put together from the options class's <c>Section</c>.
    /// </summary>
    private static string Describe(string failure, Type optionsType)
    {
        if (DataAnnotationFailure().Match(failure) is not { Success: true } annotation)
        {
            return failure;
        }

        var section = optionsType.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        var key = section is null ? annotation.Groups["member"].Value : $"{section}:{annotation.Groups["member"].Value}";
        return $"{key}: {annotation.Groups["error"].Value}";
    }

    private static string Expected(string typeName) => typeName switch
    {
        "System.TimeSpan" => "a time span such as 00:00:30",
        "System.Int32" or "System.Int64" or "System.UInt64" or "System.Int16" => "a whole number",
        "System.Double" or "System.Single" or "System.Decimal" => "a number such as 2.5",
        "System.Boolean" => "true or false",
        _ when typeName.Contains("System.DateTimeOffset", StringComparison.Ordinal) => "an instant such as 2025-12-31T20:00:00Z",
        _ => $"a value of type {typeName}",
    };

    /// <summary>"Failed to convert configuration value '…' at 'Auth:SessionCheckInterval' to type 'System.TimeSpan'." (the value is left out).</summary>
    [GeneratedRegex(@"^Failed to convert configuration value.* at '(?<key>[^']+)' to type '(?<type>[^']+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();

    /// <summary>"DataAnnotation validation failed for 'JobsOptions' members: 'WorkerCount' with the error: '…'."</summary>
    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '(?<member>[^']*)' with the error: '(?<error>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
