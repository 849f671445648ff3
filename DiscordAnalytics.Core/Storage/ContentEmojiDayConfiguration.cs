using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="ContentEmojiDay"/> to <c>contentEmojiDays</c>: day right after the guild, so a window is one range scan of the key.</summary>
public sealed class ContentEmojiDayConfiguration : IEntityTypeConfiguration<ContentEmojiDay>
{
    public void Configure(EntityTypeBuilder<ContentEmojiDay> builder)
    {
        builder.ToTable("contentEmojiDays");
        builder.HasKey(x => new { x.GuildId, x.Day, x.Emoji, x.IsBot });
    }
}
