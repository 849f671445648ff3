using DiscordAnalytics.Core.Hosting;
using DiscordAnalytics.Core.Loops.SlashCommands;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// Shows the slash commands in the demo: on the first start of a demo store the demo guild answers them (/stats for
/// everyone, the others only for the caller), and every <see cref="Every"/> one of its members "types" /stats, /me or
/// /leaderboard. The answer is the one a real member would get (<see cref="SlashCommandAnswers"/>), recorded as
/// simulated with its text in <see cref="SlashCommandLog"/>, so Settings shows it; nothing is sent anywhere. A store
/// that already has slash command settings keeps the owner's choices, and a switch turned off stops the answers.
/// </summary>
public sealed partial class DemoSlashCommands(
    IDbContextFactory<AnalyticsDbContext> contexts,
    SlashCommandSettingsStore settings,
    SlashCommandAnswers answers,
    SlashCommandLog log,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoSlashCommands> logger) : ResilientBackgroundService(time, logger)
{
    /// <summary>How often a demo member types a command.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    private readonly Lazy<(ulong Guild, IReadOnlyList<ulong> Members)> _community = new(() =>
    {
        var community = DemoCommunity.Create(options.Value.Seed);
        return (community.GuildId, [.. community.Members.Where(m => !m.IsBot).Select(m => m.Id)]);
    });

    private readonly SemaphoreSlim _typing = new(1, 1);
    private bool _switchChecked;
    private long _typed;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, Time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await TypeOneAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One member types one command and it is answered, simulated; null when nothing was answered (the demo guild not in
    /// the store yet, or its switch off).
    /// </summary>
    public async Task<SlashCommandAnswered?> TypeOneAsync(CancellationToken cancellationToken)
    {
        await _typing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (guild, members) = _community.Value;
            if (!_switchChecked && !await SwitchOnOnceAsync(guild, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            if (await settings.GetAsync((long)guild, cancellationToken).ConfigureAwait(false) is not { Answer: true } view)
            {
                return null;
            }

            var random = new DemoRandom(options.Value.Seed, 0x5145, _typed++);
            var command = (SlashCommand)random.Next(Enum.GetValues<SlashCommand>().Length);
            var started = Time.GetTimestamp();
            var text = await answers.AnswerAsync(guild, command, members[random.Next(members.Count)], cancellationToken).ConfigureAwait(false);
            var answered = new SlashCommandAnswered(
                Time.GetUtcNow().ToUnixTimeMilliseconds(), SlashCommandDefinitions.Names[command], "simulated", view.IsPublic(command),
                Time.GetElapsedTime(started).TotalMilliseconds, text);
            log.Record(guild, answered);
            return answered;
        }
        finally
        {
            _typing.Release();
        }
    }

    /// <summary>Switches the demo guild's answers on unless its settings were saved before; false while the guild is not stored yet.</summary>
    private async Task<bool> SwitchOnOnceAsync(ulong guild, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.Set<SlashCommandSettings>().AnyAsync(s => s.GuildId == (long)guild, cancellationToken).ConfigureAwait(false))
        {
            return _switchChecked = true;
        }

        if (!await settings.SetAsync((long)guild, answer: true, statsPublic: true, leaderboardPublic: false, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        LogSwitchedOn(logger, guild);
        return _switchChecked = true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo guild {GuildId}: slash commands answered, simulated every minute (nothing is sent to Discord)")]
    private static partial void LogSwitchedOn(ILogger logger, ulong guildId);
}
