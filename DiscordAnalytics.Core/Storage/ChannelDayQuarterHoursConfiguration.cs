using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="ChannelDayQuarterHours"/> to <c>channelDayQuarterHours</c>.</summary>
public sealed class ChannelDayQuarterHoursConfiguration : IEntityTypeConfiguration<ChannelDayQuarterHours>
{
    public void Configure(EntityTypeBuilder<ChannelDayQuarterHours> builder)
    {
        builder.ToTable("channelDayQuarterHours");
        // Day right after the guild: a window is then one range scan of the key (the heat map's only read).
        builder.HasKey(x => new { x.GuildId, x.Day, x.ChannelId, x.IsBot });
    }
}
