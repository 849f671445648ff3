using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="KeywordDay"/> to <c>keywordDays</c>: a window is one range scan of the key.</summary>
public sealed class KeywordDayConfiguration : IEntityTypeConfiguration<KeywordDay>
{
    public void Configure(EntityTypeBuilder<KeywordDay> builder)
    {
        builder.ToTable("keywordDays");
        builder.HasKey(x => new { x.GuildId, x.Day });
    }
}
