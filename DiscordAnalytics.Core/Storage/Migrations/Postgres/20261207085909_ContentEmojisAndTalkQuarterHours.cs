using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class ContentEmojisAndTalkQuarterHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "talkquarterhourms",
                table: "voicedays",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<string>(
                name: "emojis",
                table: "messagefacts",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contentemojidays",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    emoji = table.Column<string>(type: "text", nullable: false),
                    isbot = table.Column<bool>(type: "boolean", nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contentemojidays", x => new { x.guildid, x.day, x.emoji, x.isbot });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contentemojidays");

            migrationBuilder.DropColumn(
                name: "talkquarterhourms",
                table: "voicedays");

            migrationBuilder.DropColumn(
                name: "emojis",
                table: "messagefacts");
        }
    }
}
