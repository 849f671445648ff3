using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DiscordAnalytics.Web.Components.Pages.Digests;

/// <summary>
/// The Digests page (<c>/digests?guildId=</c>): generate a weekly digest with one click, preview it (Markdown
/// rendered safely by <see cref="DigestHtml"/>), edit and save the draft, post it to a channel, browse the
/// history with the summary each digest was built from, and set the weekly schedule. It calls the same
/// services as the HTTP API. The guild is chosen by <see cref="GuildSelection"/>'s rules (shared with the dashboard
/// and Settings); without a guildId the first guild is shown and the address is left alone. A pick is shown at once and
/// written into the address by the browser, only while the browser is still on this page.
/// </summary>
public sealed partial class Digests : IDisposable
{
    private readonly CancellationTokenSource _lifetime = new();

    // The guild whose digests, channels and schedule are shown (the selection's guild once loaded).
    private GuildInfo? _guild;
    private IReadOnlyList<Digest> _history = [];
    private IReadOnlyList<DigestChannel> _channels = [];
    private Digest? _digest;
    private string _draft = string.Empty;
    private string? _postChannel;
    private DigestScheduleSettings _schedule = DigestScheduleSettings.Default;
    private DigestSchedule? _scheduleRow;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private bool _busy;

    // True once the circuit is live (after the first interactive render): controls act from then on, not on the prerendered HTML.
    private bool _interactive;

    /// <summary>The guild (a Discord id), from the address; the first guild when absent or unknown.</summary>
    [SupplyParameterFromQuery(Name = "guildId")]
    public string? GuildId { get; set; }

    [Inject]
    private GuildSelection Selection { get; set; } = default!;

    [Inject]
    private DigestService Service { get; set; } = default!;

    [Inject]
    private DigestPoster Poster { get; set; } = default!;

    [Inject]
    private DigestScheduler Scheduler { get; set; } = default!;

    [Inject]
    private DigestHtml Html { get; set; } = default!;

    [Inject]
    private ILogger<Digests> Logger { get; set; } = default!;

    private bool IsDraft => _digest?.Status == DigestStatus.Draft;

    private string Parts
    {
        get
        {
            var messages = DigestEmbedSplitter.Split(_draft);
            var embeds = messages.Sum(m => m.Embeds.Count);
            return $"Posts as {messages.Count} message{(messages.Count == 1 ? string.Empty : "s")} with {embeds} embed{(embeds == 1 ? string.Empty : "s")}; mentions are switched off.";
        }
    }

    public void Dispose()
    {
        _lifetime.Cancel();
    }

    protected override async Task OnParametersSetAsync()
    {
        Selection.FollowAddress(GuildId);
        await ShowRequestedGuildAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private Task ShowRequestedGuildAsync() => RunAsync(async ct =>
    {
        if (Selection.Listed is null)
        {
            await Selection.LoadAsync(ct);
        }

        // Picked again while a guild was looked up by id: that later pick shows its own guild.
        if (!await Selection.ShowRequestedAsync(null, ct))
        {
            return;
        }

        if (Selection.Guild?.GuildId != _guild?.GuildId)
        {
            _guild = Selection.Guild;
            _digest = null;
            _message = null;
            await LoadGuildAsync(ct);
        }
    }, "Loading digests failed.");

    private async Task LoadGuildAsync(CancellationToken ct)
    {
        if (_guild is not { } guild)
        {
            return;
        }

        var id = ulong.Parse(guild.GuildId, CultureInfo.InvariantCulture);
        var history = await Service.ListAsync(id, ct);
        var channels = await Service.ListChannelsAsync(id, ct);
        var schedule = await Scheduler.GetAsync(id, guild.TimeZone, ct);
        var scheduleRow = await Scheduler.FindAsync(id, ct);
        // Another guild was picked while this one loaded: its own load fills the page, not this one's late answers.
        if (_guild != guild)
        {
            return;
        }

        (_history, _channels, _schedule, _scheduleRow) = (history, channels, schedule, scheduleRow);
        if (_digest is null && _history.Count > 0)
        {
            Open(_history[0]);
        }
    }

    /// <summary>Shows the picked guild, and puts it into the address in the browser meanwhile.</summary>
    private async Task OnGuildPickedAsync(string? guildId)
    {
        Selection.Pick(guildId);
        var write = Selection.WriteGuildIntoAddressAsync(guildId, _lifetime.Token);
        await ShowRequestedGuildAsync();
        await write;
    }

    private void OnDraftChanged(string? text) => _draft = text ?? string.Empty;

    private void Open(Digest digest)
    {
        _digest = digest;
        _draft = digest.Markdown;
        _postChannel = digest.PostedChannelId?.ToString(CultureInfo.InvariantCulture) ?? _postChannel;
    }

    private async Task GenerateAsync() => await RunAsync(async ct =>
    {
        var digest = await Service.GenerateAsync(GuildNumber, scheduled: false, ct);
        if (digest is null)
        {
            ShowMessage(Severity.Warning, "This server has no data yet.");
            return;
        }

        _history = await Service.ListAsync(GuildNumber, ct);
        Open(digest);
        ShowMessage(Severity.Success, "Digest generated. Review it, edit if you like, then post it.");
    }, "Generating the digest failed.");

    private async Task SaveAsync() => await RunAsync(async ct =>
    {
        var outcome = await Service.SaveMarkdownAsync(GuildNumber, _digest!.Id, _draft, ct);
        await ReloadDigestAsync(ct);
        switch (outcome)
        {
            case DigestEditOutcome.Saved:
                ShowMessage(Severity.Success, "Saved.");
                break;
            case DigestEditOutcome.TooLong:
                ShowMessage(Severity.Warning, $"Too long: a digest can have at most {DigestService.MaxMarkdownLength:N0} characters.");
                break;
            case DigestEditOutcome.Empty:
                ShowMessage(Severity.Warning, "A digest cannot be empty.");
                break;
            default:
                ShowMessage(Severity.Warning, "This digest is already posted; its text can no longer change.");
                break;
        }
    }, "Saving failed; your text is still in the editor.");

    private async Task PostAsync() => await RunAsync(async ct =>
    {
        if (Snowflake.TryParse(_postChannel) is not { } channel)
        {
            ShowMessage(Severity.Warning, "Choose a channel first.");
            return;
        }

        if (IsDraft && _draft != _digest!.Markdown && await Service.SaveMarkdownAsync(GuildNumber, _digest.Id, _draft, ct) != DigestEditOutcome.Saved)
        {
            ShowMessage(Severity.Warning, "Save a valid text before posting.");
            return;
        }

        var result = await Poster.PostAsync(GuildNumber, _digest!.Id, channel, ct);
        await ReloadDigestAsync(ct);
        if (result.Succeeded)
        {
            ShowMessage(Severity.Success, result.Outcome == DigestPostOutcome.AlreadyPosted
                ? "Already posted; nothing was sent again."
                : $"Posted: {result.SentNow} message{(result.SentNow == 1 ? string.Empty : "s")} sent.");
        }
        else
        {
            ShowMessage(Severity.Error, result.Error ?? "Posting failed.");
        }
    }, "Posting failed; the digest is unchanged.");

    private async Task SaveScheduleAsync(DigestScheduleSettings schedule) => await RunAsync(async ct =>
    {
        var problem = await Scheduler.SaveAsync(GuildNumber, schedule, ct);
        _scheduleRow = await Scheduler.FindAsync(GuildNumber, ct);
        if (problem is { } p)
        {
            ShowMessage(Severity.Warning, p.Reason);
        }
        else
        {
            ShowMessage(Severity.Success, "Schedule saved.");
        }
    }, "Saving the schedule failed.");

    private ulong GuildNumber => ulong.Parse(_guild!.GuildId, CultureInfo.InvariantCulture);

    private async Task ReloadDigestAsync(CancellationToken ct)
    {
        _history = await Service.ListAsync(GuildNumber, ct);
        if (_digest is not null && await Service.FindAsync(GuildNumber, _digest.Id, ct) is { } fresh)
        {
            var edited = _draft;
            Open(fresh);
            // A failed save keeps what the owner typed.
            _draft = fresh.Status == DigestStatus.Draft ? edited : fresh.Markdown;
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task> action, string failure)
    {
        _busy = true;
        try
        {
            await action(_lifetime.Token);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Digests page action failed");
            ShowMessage(Severity.Error, failure);
        }
        finally
        {
            _busy = false;
        }
    }

    private void ShowMessage(Severity severity, string message) => (_messageSeverity, _message) = (severity, message);

    /// <summary>How the post select shows a channel id: its name, or nothing before one is chosen.</summary>
    private string PostChannelName(string? id) =>
        _channels.FirstOrDefault(c => c.ChannelId.ToString(CultureInfo.InvariantCulture) == id) is { } channel ? $"#{channel.Name}" : string.Empty;
}
