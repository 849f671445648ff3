using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="BackfillChannel"/> to <c>backfillChannels</c>.</summary>
public sealed class BackfillChannelConfiguration : IEntityTypeConfiguration<BackfillChannel>
{
    public void Configure(EntityTypeBuilder<BackfillChannel> builder)
    {
        builder.ToTable("backfillChannels");
        builder.HasKey(x => new { x.RunId, x.ChannelId });
        builder.Property(x => x.State).HasConversion<StoredNameConverter<BackfillChannelState>>();
    }
}
