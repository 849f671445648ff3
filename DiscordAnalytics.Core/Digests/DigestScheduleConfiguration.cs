using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Digests;

public sealed class DigestScheduleConfiguration : IEntityTypeConfiguration<DigestSchedule>
{
    public void Configure(EntityTypeBuilder<DigestSchedule> builder)
    {
        builder.ToTable("digestSchedules");
        builder.HasKey(x => x.GuildId);
        builder.Property(x => x.GuildId).ValueGeneratedNever();
        builder.Property(x => x.TimeZone).HasMaxLength(64);
        // The schedule job's question: which enabled schedules are due.
        builder.HasIndex(x => x.NextRunAt);
    }
}
