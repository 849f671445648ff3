using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="BackfillRun"/> to <c>backfillRuns</c>.</summary>
public sealed class BackfillRunConfiguration : IEntityTypeConfiguration<BackfillRun>
{
    public void Configure(EntityTypeBuilder<BackfillRun> builder)
    {
        builder.ToTable("backfillRuns");
        builder.HasKey(x => x.RunId);
        builder.Property(x => x.RunId).ValueGeneratedOnAdd();
        builder.HasIndex(x => new { x.GuildId, x.RunId });
        builder.Property(x => x.State).HasConversion<StoredNameConverter<BackfillState>>();
        builder.Property(x => x.Kind).HasConversion<StoredNameConverter<BackfillRunKind>>();
    }
}
