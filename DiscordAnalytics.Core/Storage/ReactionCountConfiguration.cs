using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="ReactionCount"/> to <c>reactionCounts</c>.</summary>
public sealed class ReactionCountConfiguration : IEntityTypeConfiguration<ReactionCount>
{
    public void Configure(EntityTypeBuilder<ReactionCount> builder)
    {
        builder.ToTable("reactionCounts");
        builder.HasKey(x => new { x.GuildId, x.MessageId, x.Emoji });
    }
}
