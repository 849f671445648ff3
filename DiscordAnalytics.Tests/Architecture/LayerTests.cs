using DiscordAnalytics.Core.Storage;
using NetArchTest.Rules;

namespace DiscordAnalytics.Tests.Architecture;

/// <summary>
/// The layers, checked on the compiled assemblies (NetArchTest reads every type's IL, so a fully qualified name or a
/// lambda counts as much as a <c>using</c>). Data flows one way: Discord -> Ingestion -> Storage &lt;- Analytics &lt;- Web,
/// Insights read the summary contract, and the Web project's components read query services. Each rule names the
/// types that break it.
/// </summary>
public sealed class LayerTests
{
    private const string Core = "DiscordAnalytics.Core";
    private const string Discord = Core + ".Discord";
    private const string Ingestion = Core + ".Ingestion";
    private const string Storage = Core + ".Storage";
    private const string Analytics = Core + ".Analytics";
    private const string Insights = Core + ".Insights";
    private const string Web = "DiscordAnalytics.Web";
    private const string Components = Web + ".Components";

    private static readonly System.Reflection.Assembly CoreAssembly = typeof(AnalyticsDbContext).Assembly;
    private static readonly System.Reflection.Assembly WebAssembly = typeof(global::DiscordAnalytics.Web.Auth.AuthDbContext).Assembly;

    [Fact]
    public void Core_NeverReferencesWeb() =>
        AssertHolds(Types.InAssembly(CoreAssembly).ShouldNot().HaveDependencyOn(Web));

    [Fact]
    public void Storage_ReferencesNoLayerAboveIt() =>
        AssertHolds(Types.InAssembly(CoreAssembly).That().ResideInNamespace(Storage)
            .ShouldNot().HaveDependencyOnAny(Discord, Ingestion, Analytics, Insights, Web));

    [Fact]
    public void Ingestion_ReferencesNeitherAnalyticsNorInsights() =>
        AssertHolds(Types.InAssembly(CoreAssembly).That().ResideInNamespace(Ingestion)
            .ShouldNot().HaveDependencyOnAny(Analytics, Insights, Web));

    [Fact]
    public void Ingestion_UsesOfDiscordOnlyItsIds()
    {
        // Discord feeds ingestion, not the other way round; a Discord id (Snowflake) is the one shared word.
        var discordTypes = Types.InAssembly(CoreAssembly).That().ResideInNamespace(Discord).GetTypes()
            .Where(t => t != typeof(global::DiscordAnalytics.Core.Discord.Snowflake))
            .Select(t => t.FullName!)
            .ToArray();

        AssertHolds(Types.InAssembly(CoreAssembly).That().ResideInNamespace(Ingestion)
            .ShouldNot().HaveDependencyOnAny(discordTypes));
    }

    [Fact]
    public void Analytics_ReferencesStorageButNotIngestionOrDiscord() =>
        AssertHolds(Types.InAssembly(CoreAssembly).That().ResideInNamespace(Analytics)
            .ShouldNot().HaveDependencyOnAny(Ingestion, Discord, Insights, Web));

    [Fact]
    public void Insights_ReadTheSummaryContractOnly() =>
        AssertHolds(Types.InAssembly(CoreAssembly).That().ResideInNamespace(Insights)
            .ShouldNot().HaveDependencyOnAny(
                typeof(AnalyticsDbContext).FullName!,
                "Microsoft.EntityFrameworkCore",
                "Microsoft.Data.Sqlite",
                Ingestion));

    [Fact]
    public void WebComponents_UseQueryServicesOnly() =>
        AssertHolds(Types.InAssembly(WebAssembly).That().ResideInNamespace(Components)
            .ShouldNot().HaveDependencyOnAny(
                typeof(AnalyticsDbContext).FullName!,
                "Microsoft.EntityFrameworkCore",
                typeof(global::DiscordAnalytics.Core.Ingestion.IngestionPipeline).FullName!));

    private static void AssertHolds(ConditionList rule)
    {
        var result = rule.GetResult();
        Assert.True(result.IsSuccessful, "Broken by: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
