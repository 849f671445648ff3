using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="ChannelDayVersion"/> to <c>channelDayVersions</c>: a window's versions are one range scan of the key.</summary>
public sealed class ChannelDayVersionConfiguration : IEntityTypeConfiguration<ChannelDayVersion>
{
    public void Configure(EntityTypeBuilder<ChannelDayVersion> builder)
    {
        builder.ToTable("channelDayVersions");
        builder.HasKey(x => new { x.GuildId, x.Day });
    }
}
