using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Digests;

public sealed class DigestConfiguration : IEntityTypeConfiguration<Digest>
{
    public void Configure(EntityTypeBuilder<Digest> builder)
    {
        builder.ToTable("digests");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedOnAdd();
        builder.Property(x => x.Status).HasMaxLength(16).HasConversion<StoredNameConverter<DigestStatus>>();
        builder.Ignore(x => x.MessageIds);
        // History: a guild's digests, newest first.
        builder.HasIndex(x => new { x.GuildId, x.CreatedAt });
    }
}
