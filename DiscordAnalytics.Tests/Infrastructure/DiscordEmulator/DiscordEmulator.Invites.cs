using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>
/// The invites of the emulated guilds: <c>GET /guilds/{id}/invites</c> (invite objects with metadata) and
/// <c>GET /guilds/{id}/vanity-url</c>, both answering 403 with code 50013 while <see cref="InvitesForbidden"/> is set, as
/// Discord does for a bot without Manage Server. Tests use an invite (<see cref="UseInvite"/>) and then dispatch the join.
/// </summary>
public sealed partial class DiscordEmulator
{
    private readonly Dictionary<string, EmulatorInvite> _invites = new(StringComparer.Ordinal);
    private (string Code, int Uses)? _vanity;

    /// <summary>The bot lacks Manage Server: both invite routes answer 403 (code 50013).</summary>
    public bool InvitesForbidden { get; set; }

    /// <summary>Discord's error code in the 403 while <see cref="InvitesForbidden"/> is set: 50013 (Missing Permissions) unless set otherwise.</summary>
    public int InvitesForbiddenCode { get; set; } = 50013;

    /// <summary>Every invites-list request is answered with this HTTP status (a Discord-shaped error body) while set; null answers normally.</summary>
    public int? InvitesFailStatus { get; set; }

    /// <summary>Every invites-list request is answered 200 with an HTML page instead of JSON while set.</summary>
    public bool InvitesNotJson { get; set; }

    /// <summary>Every invites-list request waits this long before it is answered (normally) while set: a client with a shorter timeout gives up first.</summary>
    public TimeSpan? InvitesDelay { get; set; }

    /// <summary>Every invites-list request's connection is dropped without an answer while set (what a network failure looks like).</summary>
    public bool InvitesDropConnection { get; set; }

    /// <summary>Adds an invite of <see cref="ReadyGuildIds"/>' first guild.</summary>
    public void AddInvite(string code, string? inviterId, string channelId, int uses = 0, int maxUses = 0)
    {
        lock (_gate)
        {
            _invites[code] = new EmulatorInvite(code, inviterId, channelId, uses, maxUses);
        }
    }

    /// <summary>Someone joined through <paramref name="code"/> (its uses rise; dispatch the GUILD_MEMBER_ADD yourself).</summary>
    public void UseInvite(string code, int times = 1)
    {
        lock (_gate)
        {
            if (_vanity is { } vanity && vanity.Code == code)
            {
                _vanity = (code, vanity.Uses + times);
                return;
            }

            var invite = _invites[code];
            _invites[code] = invite with { Uses = invite.Uses + times };
        }
    }

    public void RemoveInvite(string code)
    {
        lock (_gate)
        {
            _invites.Remove(code);
        }
    }

    public void SetVanityUrl(string code, int uses)
    {
        lock (_gate)
        {
            _vanity = (code, uses);
        }
    }

    /// <summary>Requests the client made to the invite routes so far.</summary>
    public int InviteRequestCount => RestRequests.Count(r => r.Path.EndsWith("/invites", StringComparison.Ordinal));

    private async Task<int> AnswerInvitesAsync(HttpResponse response, string guildId)
    {
        if (InvitesForbidden)
        {
            return await WriteAsync(response, 403, InvitesForbiddenCode == 50013
                ? """{"message":"Missing Permissions","code":50013}"""
                : $$"""{"message":"Missing Access","code":{{InvitesForbiddenCode}}}""");
        }

        if (InvitesFailStatus is { } failing)
        {
            return await WriteAsync(response, failing, """{"message":"Service Unavailable","code":0}""");
        }

        if (InvitesDropConnection)
        {
            response.HttpContext.Abort();
            return 0;
        }

        if (InvitesDelay is { } delay)
        {
            try
            {
                await Task.Delay(delay, response.HttpContext.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }

        if (InvitesNotJson)
        {
            return await WriteAsync(response, 200, "<html><body>Maintenance</body></html>");
        }

        string body;
        lock (_gate)
        {
            body = JsonSerializer.Serialize(_invites.Values.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => new Dictionary<string, object?>
            {
                ["type"] = 0,
                ["code"] = i.Code,
                ["guild"] = new { id = guildId, name = "Emulated" },
                ["channel"] = new { id = i.ChannelId, name = "welcome", type = 0 },
                ["inviter"] = i.InviterId is null ? null : new { id = i.InviterId, username = $"user{i.InviterId}", discriminator = "0", global_name = (string?)null },
                ["uses"] = i.Uses,
                ["max_uses"] = i.MaxUses,
                ["max_age"] = 0,
                ["temporary"] = false,
                ["created_at"] = "2026-11-01T10:00:00.000000+00:00",
                ["expires_at"] = null,
            }));
        }

        return await WriteAsync(response, 200, body);
    }

    private async Task<int> AnswerVanityAsync(HttpResponse response)
    {
        if (InvitesForbidden)
        {
            return await WriteAsync(response, 403, """{"message":"Missing Permissions","code":50013}""");
        }

        (string Code, int Uses)? vanity;
        lock (_gate)
        {
            vanity = _vanity;
        }

        return await WriteAsync(response, 200, vanity is { } v
            ? $$"""{"code":"{{v.Code}}","uses":{{v.Uses.ToString(CultureInfo.InvariantCulture)}}}"""
            : """{"code":null,"uses":0}""");
    }
}
