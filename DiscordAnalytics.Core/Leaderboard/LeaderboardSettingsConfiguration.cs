using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Leaderboard;

public sealed class LeaderboardSettingsConfiguration : IEntityTypeConfiguration<LeaderboardSettings>
{
    public void Configure(EntityTypeBuilder<LeaderboardSettings> builder)
    {
        builder.ToTable("leaderboardSettings");
        builder.HasKey(x => x.GuildId);
        builder.Property(x => x.GuildId).ValueGeneratedNever();
        builder.Property(x => x.PublicLinkHash).HasMaxLength(64);
        builder.Ignore(x => x.Rules);
        // The public page finds its guild by the hash of the token it was given: one index seek, unique by construction.
        builder.HasIndex(x => x.PublicLinkHash).IsUnique().HasFilter("\"publicLinkHash\" IS NOT NULL");
    }
}
