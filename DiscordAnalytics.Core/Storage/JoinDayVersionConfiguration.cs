using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="JoinDayVersion"/> to <c>joinDayVersions</c>: a window's versions are one range scan of the key (its triggers are in the migration of each provider).</summary>
public sealed class JoinDayVersionConfiguration : IEntityTypeConfiguration<JoinDayVersion>
{
    public void Configure(EntityTypeBuilder<JoinDayVersion> builder)
    {
        builder.ToTable("joinDayVersions");
        builder.HasKey(x => new { x.GuildId, x.Day });
    }
}
