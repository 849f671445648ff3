using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="ReactionClear"/> to <c>reactionClears</c>.</summary>
public sealed class ReactionClearConfiguration : IEntityTypeConfiguration<ReactionClear>
{
    public void Configure(EntityTypeBuilder<ReactionClear> builder)
    {
        builder.ToTable("reactionClears");
        builder.HasKey(x => new { x.GuildId, x.MessageId, x.Emoji });
    }
}
