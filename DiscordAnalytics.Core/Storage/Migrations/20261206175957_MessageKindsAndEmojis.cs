using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class MessageKindsAndEmojis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "contentLength",
                table: "messageFacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "kinds",
                table: "messageFacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "emojiDays",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    emoji = table.Column<string>(type: "TEXT", nullable: false),
                    isBot = table.Column<bool>(type: "INTEGER", nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emojiDays", x => new { x.guildId, x.day, x.emoji, x.isBot });
                });

            migrationBuilder.CreateTable(
                name: "messageKindDays",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    isBot = table.Column<bool>(type: "INTEGER", nullable: false),
                    messages = table.Column<long>(type: "INTEGER", nullable: false),
                    withAttachments = table.Column<long>(type: "INTEGER", nullable: false),
                    withLinks = table.Column<long>(type: "INTEGER", nullable: false),
                    replies = table.Column<long>(type: "INTEGER", nullable: false),
                    withMentions = table.Column<long>(type: "INTEGER", nullable: false),
                    totalLength = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messageKindDays", x => new { x.guildId, x.day, x.isBot });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "emojiDays");

            migrationBuilder.DropTable(
                name: "messageKindDays");

            migrationBuilder.DropColumn(
                name: "contentLength",
                table: "messageFacts");

            migrationBuilder.DropColumn(
                name: "kinds",
                table: "messageFacts");
        }
    }
}
