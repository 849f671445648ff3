using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="KeywordDayVersion"/> to <c>keywordDayVersions</c>: a window's versions are one range scan of the key.</summary>
public sealed class KeywordDayVersionConfiguration : IEntityTypeConfiguration<KeywordDayVersion>
{
    public void Configure(EntityTypeBuilder<KeywordDayVersion> builder)
    {
        builder.ToTable("keywordDayVersions");
        builder.HasKey(x => new { x.GuildId, x.Day });
    }
}
