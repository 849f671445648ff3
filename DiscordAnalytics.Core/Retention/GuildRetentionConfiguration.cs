using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Retention;

public sealed class GuildRetentionConfiguration : IEntityTypeConfiguration<GuildRetention>
{
    public void Configure(EntityTypeBuilder<GuildRetention> builder)
    {
        builder.ToTable("guildRetention");
        builder.HasKey(x => x.GuildId);
        builder.Property(x => x.GuildId).ValueGeneratedNever();
    }
}
