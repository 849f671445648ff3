using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DiscordAnalytics.Web.Components.Shared;

/// <summary>
/// The guild a page shows (Dashboard, Digests, Settings), chosen by the same rules on every page:
/// <list type="bullet">
/// <item>a guildId in the address (or a pick) names the guild; a guild not listed in the running mode (e.g. the demo
/// guild after switching to a real bot) is still shown by id, as on the API;</item>
/// <item>without a guildId, the page's preferred guild when it is listed (the dashboard's remembered one), otherwise the
/// first listed guild (the list is ordered by name);</item>
/// <item>a guildId no stored guild has shows the first listed guild with <see cref="UnknownGuildNotice"/>.</item>
/// </list>
/// A pick is shown at once and written into the address by the browser (<see cref="WriteGuildIntoAddressAsync"/>), so
/// the address's echo of it is no change. Transient: each page holds its own.
/// </summary>
public sealed class GuildSelection(GuildsQuery guilds, NavigationManager navigation, IJSRuntime js, ILogger<GuildSelection> logger)
{
    private string? _addressGuildId;
    private bool _addressSeen;

    // The last guild looked up by id because it is not listed (found or not), so a page that resolves again on every
    // live refresh reads the store once per address, not once per refresh. Reading the list again forgets it.
    private (string GuildId, GuildInfo? Found)? _lookedUp;

    /// <summary>The guilds of the running mode, by name; null until <see cref="LoadAsync"/> has answered.</summary>
    public IReadOnlyList<GuildInfo>? Listed { get; private set; }

    /// <summary>The guild the page shows; null before the list is read, or when no guild is known at all.</summary>
    public GuildInfo? Guild { get; private set; }

    /// <summary>Set when the address named a guild no stored guild has, and another one is shown instead.</summary>
    public string? Notice { get; private set; }

    /// <summary>The guildId the page works from: the address's, or a pick the address has not echoed back yet.</summary>
    public string? RequestedGuildId { get; private set; }

    /// <summary>True when a guild is asked for by id (an empty <c>guildId=</c> counts as none).</summary>
    public bool HasRequest => !string.IsNullOrEmpty(RequestedGuildId);

    /// <summary>The picker's entries: the listed guilds, and the shown guild first when it is not one of them.</summary>
    public IReadOnlyList<GuildInfo> Choices =>
        Listed is null ? []
        : Guild is null || IsListed(Guild.GuildId) ? Listed
        : [Guild, .. Listed];

    /// <summary>The text shown when the address names <paramref name="requestedGuildId"/>, which no stored guild has.</summary>
    public static string UnknownGuildNotice(string requestedGuildId, string shownName) =>
        $"No data for server {requestedGuildId}. Showing {shownName} instead.";

    /// <summary>True when <paramref name="guildId"/> is in the list read last.</summary>
    public bool IsListed(string guildId) => Listed?.Any(g => g.GuildId == guildId) == true;

    /// <summary>Reads the list of guilds (again), off the circuit's thread: SQLite answers synchronously underneath.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Listed = await Task.Run(() => guilds.ListAsync(cancellationToken), cancellationToken);
        _lookedUp = null;
    }

    /// <summary>
    /// Takes the address's guildId (call it whenever the page's parameters are set). An address that moved on its own
    /// (Back, a link to another guild's page) names the guild again; the echo of a pick is no change. True when it moved.
    /// </summary>
    public bool FollowAddress(string? addressGuildId)
    {
        if (_addressSeen && addressGuildId == _addressGuildId)
        {
            return false;
        }

        _addressSeen = true;
        (_addressGuildId, RequestedGuildId) = (addressGuildId, addressGuildId);
        return true;
    }

    /// <summary>A guild picked on the page, or written into the address by the page: the address will echo it.</summary>
    public void Pick(string? guildId)
    {
        _addressSeen = true;
        (_addressGuildId, RequestedGuildId) = (guildId, guildId);
    }

    /// <summary>
    /// Shows the requested guild by the rules above (<paramref name="preferredGuildId"/>: the page's choice when no
    /// guild is requested). False when a later pick or address change came in while a guild was looked up by id: that
    /// one shows its own guild, and this one changes nothing.
    /// </summary>
    public async Task<bool> ShowRequestedAsync(string? preferredGuildId, CancellationToken cancellationToken)
    {
        var requested = RequestedGuildId;
        var listed = Listed ?? [];
        GuildInfo? guild;
        string? notice = null;
        if (string.IsNullOrEmpty(requested))
        {
            guild = listed.FirstOrDefault(g => g.GuildId == preferredGuildId) ?? listed.FirstOrDefault();
        }
        else
        {
            guild = listed.FirstOrDefault(g => g.GuildId == requested) ?? await FindUnlistedAsync(requested, cancellationToken);
            if (requested != RequestedGuildId)
            {
                return false;
            }

            if (guild is null && listed.Count > 0)
            {
                guild = listed[0];
                notice = UnknownGuildNotice(requested, guild.Name);
            }
        }

        (Guild, Notice) = (guild, notice);
        return true;
    }

    /// <summary>
    /// Puts <paramref name="guildId"/> into the address in the browser, replacing the entry, and only while the browser
    /// is still on this page. Not NavigationManager.NavigateTo: it lands one round trip later and would take a person
    /// who clicked a top-bar link meanwhile back to this page.
    /// </summary>
    public Task<bool> WriteGuildIntoAddressAsync(string? guildId, CancellationToken cancellationToken) =>
        BrowserAddress.ReplaceIfStillAtAsync(js, navigation.Uri, navigation.GetUriWithQueryParameter("guildId", guildId), logger, cancellationToken);

    private async Task<GuildInfo?> FindUnlistedAsync(string guildId, CancellationToken cancellationToken)
    {
        if (_lookedUp is { } known && known.GuildId == guildId)
        {
            return known.Found;
        }

        var found = Snowflake.TryParse(guildId) is { } id ? await guilds.FindAsync(id, cancellationToken) : null;
        _lookedUp = (guildId, found);
        return found;
    }
}
