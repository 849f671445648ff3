using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>The alerts' tables: the settings of each guild and the alert history (which is also what was already alerted).</summary>
public static class AlertsModel
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AlertSettings>(e =>
        {
            e.ToTable("alertSettings");
            e.HasKey(x => x.GuildId);
            e.Property(x => x.GuildId).ValueGeneratedNever();
            e.Property(x => x.Status).HasConversion<StoredNameConverter<AlertsStatus>>().HasMaxLength(16);
            e.Property(x => x.StatusMessage).HasMaxLength(500);
        });

        modelBuilder.Entity<AlertRecord>(e =>
        {
            e.ToTable("alertHistory");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<StoredNameConverter<AlertKind>>().HasMaxLength(16);
            e.Property(x => x.Result).HasConversion<StoredNameConverter<AlertResult>>().HasMaxLength(16);
            e.Property(x => x.Target).HasMaxLength(64);
            e.Property(x => x.Text).HasMaxLength(1000);
            e.Property(x => x.JumpUrl).HasMaxLength(200);
            e.Property(x => x.Message).HasMaxLength(500);
            // At most once per target: the store refuses a second alert for the same thread, crossing or period.
            e.HasIndex(x => new { x.GuildId, x.Kind, x.Target }).IsUnique();
            // Settings pages the history newest first.
            e.HasIndex(x => new { x.GuildId, x.Id });
        });
    }
}
