using System.Collections.Concurrent;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>
/// Each guild's last command overwrite in this process, for Settings and the API: a refused registration is shown (what
/// failed, when), not only logged. Kept in memory on purpose: every start registers again at READY, so what an earlier
/// process saw says nothing about Discord now. Written by <see cref="SlashCommandRegistrar"/>, read by anyone.
/// </summary>
public sealed class SlashCommandRegistrations
{
    private readonly ConcurrentDictionary<ulong, SlashCommandRegistration> _last = new();

    /// <summary>The guild's last overwrite; null when none was tried since the app started (or in the demo).</summary>
    public SlashCommandRegistration? Last(ulong guildId) => _last.GetValueOrDefault(guildId);

    internal void Record(ulong guildId, SlashCommandRegistration registration) => _last[guildId] = registration;
}
