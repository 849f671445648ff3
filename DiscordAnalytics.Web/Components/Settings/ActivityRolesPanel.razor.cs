using System.Globalization;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Loops.ActivityRoles;
using DiscordAnalytics.Core.Storage;
using Microsoft.AspNetCore.Components;

namespace DiscordAnalytics.Web.Components.Settings;

public sealed partial class ActivityRolesPanel
{
    /// <summary>Log entries per page.</summary>
    public const int LogPageSize = 10;

    private List<RuleRow>? _rules;
    private IReadOnlyList<GuildRole>? _roles;
    private bool _actOnDiscord;
    private IReadOnlyList<RulePreview>? _previews;
    private RoleChangePage? _log;
    private int _page = 1;
    private bool _busy;
    private string? _message;
    private bool _failed;

    [Inject]
    private RoleRulesSettings Settings { get; set; } = null!;

    [Inject]
    private RoleRulePreviewer Previewer { get; set; } = null!;

    [Inject]
    private RoleRuleApplier Applier { get; set; } = null!;

    [Inject]
    private RoleChangeLog Log { get; set; } = null!;

    [Inject]
    private IngestionMode Mode { get; set; } = null!;

    [Inject]
    private AssignableRolesQuery Roles { get; set; } = null!;

    /// <summary>The guild whose rules are shown.</summary>
    [Parameter, EditorRequired]
    public ulong GuildId { get; set; }

    private bool IsDemo => Mode.IsDemo;

    private int Pages => _log is null ? 1 : Math.Max(1, (_log.Total + LogPageSize - 1) / LogPageSize);

    protected override async Task OnParametersSetAsync()
    {
        _message = null;
        _page = 1;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var view = await Settings.GetAsync((long)GuildId, CancellationToken.None);
        if (view is null)
        {
            _rules = null;
            Show("This guild is not in the store.", failed: true);
            return;
        }

        _actOnDiscord = view.ActOnDiscord;
        _roles = await Roles.RunAsync((long)GuildId, CancellationToken.None);
        _rules = [.. view.Rules.Select(RuleRow.Of)];
        _log = await Log.ReadAsync((long)GuildId, _page, LogPageSize, CancellationToken.None);
    }

    private void AddRule() => _rules?.Add(new RuleRow { Kind = RoleRuleKind.Messages, Threshold = "10", Days = "7", Enabled = true, Status = RoleRuleStatus.New });

    private async Task SaveAsync()
    {
        if (_rules is null)
        {
            return;
        }

        if (Inputs(_rules) is not { } inputs)
        {
            return;
        }

        await BusyAsync(async () =>
        {
            var outcome = await Settings.SetAsync((long)GuildId, _actOnDiscord, inputs, CancellationToken.None);
            var message = outcome switch
            {
                RoleRulesUpdate.Saved => ($"Saved: {inputs.Count} {(inputs.Count == 1 ? "rule" : "rules")}, act on Discord {(_actOnDiscord ? "on" : "off")}.", false),
                RoleRulesUpdate.UnknownRule => ("A rule was removed meanwhile; the list is fresh now, please save again.", true),
                _ => ("This guild is not in the store.", true),
            };
            _previews = null;
            await LoadAsync();
            Show(message.Item1, message.Item2);
        });
    }

    private Task PreviewAsync() => BusyAsync(async () =>
    {
        _previews = await Previewer.PreviewAsync((long)GuildId, CancellationToken.None) ?? [];
        _message = null;
    });

    private Task ApplyAsync() => BusyAsync(async () =>
    {
        var result = await Applier.ApplyAsync((long)GuildId, CancellationToken.None);
        _previews = null;
        _page = 1;
        await LoadAsync();
        switch (result.State)
        {
            case RoleRulesApplyState.Applied:
                var (added, removed) = (result.Rules.Sum(r => r.Added), result.Rules.Sum(r => r.Removed));
                var paused = result.Rules.Count(r => r.Status == RoleRuleStatus.Paused);
                Show($"{(IsDemo ? "Simulated" : "Applied")}: {added} added, {removed} removed{(paused > 0 ? $", {paused} paused (see the rule)" : string.Empty)}.", paused > 0);
                break;
            case RoleRulesApplyState.SwitchedOff:
                Show("Act on Discord is off: switch it on and save first.", failed: true);
                break;
            case RoleRulesApplyState.NoDiscord:
                Show("No Discord connection: set Discord:Token to connect a bot.", failed: true);
                break;
            default:
                Show("This guild is not in the store.", failed: true);
                break;
        }
    });

    private async Task PageAsync(int step)
    {
        _page = Math.Clamp(_page + step, 1, Pages);
        _log = await Log.ReadAsync((long)GuildId, _page, LogPageSize, CancellationToken.None);
    }

    /// <summary>The rows as rules to save, or null (with the reason shown) when one is not valid.</summary>
    private List<RoleRuleInput>? Inputs(List<RuleRow> rows)
    {
        var inputs = new List<RoleRuleInput>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!long.TryParse(row.Threshold, NumberStyles.None, CultureInfo.InvariantCulture, out var threshold)
                || !int.TryParse(row.Days, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                || !long.TryParse(row.RoleId, NumberStyles.None, CultureInfo.InvariantCulture, out var role))
            {
                Show($"Rule {i + 1}: the number and the days must be whole numbers, and a role chosen.", failed: true);
                return null;
            }

            inputs.Add(new RoleRuleInput(row.Id, row.Kind, threshold, days, role, row.Enabled));
        }

        if (RoleRulesValidation.Check((long)GuildId, inputs) is { } problem)
        {
            Show($"Not saved: {problem.Reason}", failed: true);
            return null;
        }

        return inputs;
    }

    private async Task BusyAsync(Func<Task> work)
    {
        _busy = true;
        try
        {
            await work();
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(string message, bool failed) => (_message, _failed) = (message, failed);

    private static string Names(IReadOnlyList<PreviewMember> members, int hidden)
    {
        var names = members.Take(10).Select(m => m.Name ?? m.UserId).ToList();
        if (members.Count > 10)
        {
            names.Add($"{members.Count - 10} more");
        }

        if (hidden > 0)
        {
            names.Add($"{hidden} hidden");
        }

        return names.Count == 0 ? "nobody" : string.Join(", ", names);
    }

    private static string KindText(RoleRuleKind kind) => kind switch
    {
        RoleRuleKind.Messages => "messages",
        RoleRuleKind.Reactions => "reactions",
        RoleRuleKind.Activity => "activity (messages + reactions + voice minutes)",
        RoleRuleKind.VoiceMinutes => "voice minutes",
        RoleRuleKind.Streak => "current streak (days)",
        RoleRuleKind.LeaderboardTop => "top places of the leaderboard (activity)",
        RoleRuleKind.Mentor => "top mentor candidates",
        _ => StoredNames<RoleRuleKind>.Text(kind),
    };

    /// <summary>The role's colour on its option (Discord shows roles in their colour); none for 0, which is "no colour".</summary>
    private static string? RoleStyle(GuildRole role) =>
        role.Color == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"color: #{role.Color:x6}");

    private static string StatusText(RoleRuleStatus status) => StoredNames<RoleRuleStatus>.Text(status);

    private static string StoredResult(RoleChangeResult result) => StoredNames<RoleChangeResult>.Text(result);

    /// <summary>A rule as edited: numbers as typed, checked on save.</summary>
    private sealed class RuleRow
    {
        public long? Id { get; init; }

        public RoleRuleKind Kind { get; set; }

        public string Threshold { get; set; } = string.Empty;

        public string Days { get; set; } = string.Empty;

        public string RoleId { get; set; } = string.Empty;

        public bool Enabled { get; set; }

        public RoleRuleStatus Status { get; init; }

        public string? StatusMessage { get; init; }

        public static RuleRow Of(RoleRuleView rule) => new()
        {
            Id = long.Parse(rule.Id, CultureInfo.InvariantCulture),
            Kind = rule.Kind,
            Threshold = rule.Threshold.ToString(CultureInfo.InvariantCulture),
            Days = rule.Days.ToString(CultureInfo.InvariantCulture),
            RoleId = rule.RoleId,
            Enabled = rule.Enabled,
            Status = rule.Status,
            StatusMessage = rule.StatusMessage,
        };
    }
}
