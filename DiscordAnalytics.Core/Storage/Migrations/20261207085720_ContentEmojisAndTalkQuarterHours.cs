using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ContentEmojisAndTalkQuarterHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "talkQuarterHourMs",
                table: "voiceDays",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<string>(
                name: "emojis",
                table: "messageFacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contentEmojiDays",
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
                    table.PrimaryKey("PK_contentEmojiDays", x => new { x.guildId, x.day, x.emoji, x.isBot });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contentEmojiDays");

            migrationBuilder.DropColumn(
                name: "talkQuarterHourMs",
                table: "voiceDays");

            migrationBuilder.DropColumn(
                name: "emojis",
                table: "messageFacts");
        }
    }
}
