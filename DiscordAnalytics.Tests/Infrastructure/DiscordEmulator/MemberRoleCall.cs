namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>A member-role request the emulator answered: PUT (add) or DELETE (remove), with its audit-log reason (decoded) and status.</summary>
public sealed record MemberRoleCall(string Method, ulong GuildId, ulong UserId, ulong RoleId, string? AuditLogReason, int Status);
