using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="EmojiDay"/> to <c>emojiDays</c>: day right after the guild, so a window is one range scan of the key.</summary>
public sealed class EmojiDayConfiguration : IEntityTypeConfiguration<EmojiDay>
{
    public void Configure(EntityTypeBuilder<EmojiDay> builder)
    {
        builder.ToTable("emojiDays");
        builder.HasKey(x => new { x.GuildId, x.Day, x.Emoji, x.IsBot });
    }
}
