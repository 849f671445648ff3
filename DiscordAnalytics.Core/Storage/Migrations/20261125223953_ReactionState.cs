using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ReactionState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_topContentDaily_guildId_day_reactionScore",
                table: "topContentDaily");

            migrationBuilder.DropIndex(
                name: "IX_messageFacts_guildId_day",
                table: "messageFacts");

            migrationBuilder.AddColumn<long>(
                name: "removedAt",
                table: "reactionFacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reactionClears",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    messageId = table.Column<long>(type: "INTEGER", nullable: false),
                    emoji = table.Column<string>(type: "TEXT", nullable: false),
                    clearedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reactionClears", x => new { x.guildId, x.messageId, x.emoji });
                });

            migrationBuilder.CreateIndex(
                name: "IX_messageFacts_deleted",
                table: "messageFacts",
                columns: new[] { "guildId", "messageId" },
                filter: "\"deletedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reactionClears");

            migrationBuilder.DropIndex(
                name: "IX_messageFacts_deleted",
                table: "messageFacts");

            migrationBuilder.DropColumn(
                name: "removedAt",
                table: "reactionFacts");

            migrationBuilder.CreateIndex(
                name: "IX_topContentDaily_guildId_day_reactionScore",
                table: "topContentDaily",
                columns: new[] { "guildId", "day", "reactionScore" });

            migrationBuilder.CreateIndex(
                name: "IX_messageFacts_guildId_day",
                table: "messageFacts",
                columns: new[] { "guildId", "day" });
        }
    }
}
