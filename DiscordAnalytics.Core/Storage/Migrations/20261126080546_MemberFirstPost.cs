using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class MemberFirstPost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "firstPostAt",
                table: "members",
                type: "INTEGER",
                nullable: true);

            // Members of an existing store: their earliest counted message in the week from their latest join. One pass
            // over the message facts (CROSS JOIN keeps them the outer loop, each looked up in members by its key), not a
            // scan of the facts per member.
            migrationBuilder.Sql("""
                UPDATE members SET firstPostAt = firsts.firstPostAt
                FROM (
                    SELECT f.guildId, f.authorId, min(f.createdAt) AS firstPostAt
                    FROM messageFacts AS f CROSS JOIN members AS m ON m.guildId = f.guildId AND m.userId = f.authorId
                    WHERE m.joinedAt IS NOT NULL AND f.isCreated = 1 AND f.deletedAt IS NULL
                        AND f.createdAt >= m.joinedAt AND f.createdAt < m.joinedAt + 604800000
                    GROUP BY f.guildId, f.authorId) AS firsts
                WHERE members.guildId = firsts.guildId AND members.userId = firsts.authorId
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "firstPostAt",
                table: "members");
        }
    }
}
