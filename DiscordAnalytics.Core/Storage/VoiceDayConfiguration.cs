using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="VoiceDay"/> to <c>voiceDays</c>: day right after the guild, so a window is one range scan of the key.</summary>
public sealed class VoiceDayConfiguration : IEntityTypeConfiguration<VoiceDay>
{
    public void Configure(EntityTypeBuilder<VoiceDay> builder)
    {
        builder.ToTable("voiceDays");
        builder.HasKey(x => new { x.GuildId, x.Day, x.ChannelId, x.UserId });
    }
}
