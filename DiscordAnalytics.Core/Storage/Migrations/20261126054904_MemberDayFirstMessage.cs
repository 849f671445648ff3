using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class MemberDayFirstMessage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "firstMessageId",
                table: "memberDailyRollups",
                type: "INTEGER",
                nullable: true);

            // Existing member-days get their earliest created message in one grouped pass over the message facts (the
            // writer keeps the minimum from here on, so a row left null would take a later message for its first).
            migrationBuilder.Sql("""
                UPDATE memberDailyRollups AS r SET firstMessageId = f.firstId
                FROM (SELECT guildId, day, authorId, min(messageId) AS firstId FROM messageFacts
                      WHERE isCreated AND authorId IS NOT NULL GROUP BY guildId, day, authorId) AS f
                WHERE r.guildId = f.guildId AND r.day = f.day AND r.userId = f.authorId;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "firstMessageId",
                table: "memberDailyRollups");
        }
    }
}
