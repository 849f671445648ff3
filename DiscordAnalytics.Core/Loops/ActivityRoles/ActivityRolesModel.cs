using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>The activity roles' tables: rules, the roles the app holds for members, the change log and the switch.</summary>
public static class ActivityRolesModel
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<RoleRule>(e =>
        {
            e.ToTable("roleRules");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<StoredNameConverter<RoleRuleKind>>().HasMaxLength(32);
            e.Property(x => x.Status).HasConversion<StoredNameConverter<RoleRuleStatus>>().HasMaxLength(16);
            e.Property(x => x.StatusMessage).HasMaxLength(500);
            // One rule per role: two rules giving and taking the same role would fight.
            e.HasIndex(x => new { x.GuildId, x.RoleId }).IsUnique();
        });

        modelBuilder.Entity<RoleGrant>(e =>
        {
            e.ToTable("roleGrants");
            e.HasKey(x => new { x.GuildId, x.RoleId, x.UserId });
        });

        modelBuilder.Entity<RoleChange>(e =>
        {
            e.ToTable("roleChanges");
            e.HasKey(x => x.Id);
            e.Property(x => x.Action).HasConversion<StoredNameConverter<RoleChangeAction>>().HasMaxLength(16);
            e.Property(x => x.Result).HasConversion<StoredNameConverter<RoleChangeResult>>().HasMaxLength(16);
            e.Property(x => x.Message).HasMaxLength(500);
            // Settings pages the log newest first.
            e.HasIndex(x => new { x.GuildId, x.Id });
        });

        modelBuilder.Entity<RoleRulesSwitch>(e =>
        {
            e.ToTable("roleRuleSwitches");
            e.HasKey(x => x.GuildId);
            e.Property(x => x.GuildId).ValueGeneratedNever();
        });
    }
}
