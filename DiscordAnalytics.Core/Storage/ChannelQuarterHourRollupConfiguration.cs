using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="ChannelQuarterHourRollup"/> to <c>channelQuarterHourRollups</c>.</summary>
public sealed class ChannelQuarterHourRollupConfiguration : IEntityTypeConfiguration<ChannelQuarterHourRollup>
{
    public void Configure(EntityTypeBuilder<ChannelQuarterHourRollup> builder)
    {
        builder.ToTable("channelQuarterHourRollups");
        // Bucket right after the guild: a window is then one range scan of the key (the heat map's only read).
        builder.HasKey(x => new { x.GuildId, x.Bucket, x.ChannelId, x.IsBot });
    }
}
