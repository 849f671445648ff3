using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class MessageKindsAndEmojis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "contentlength",
                table: "messagefacts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "kinds",
                table: "messagefacts",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "emojidays",
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
                    table.PrimaryKey("pk_emojidays", x => new { x.guildid, x.day, x.emoji, x.isbot });
                });

            migrationBuilder.CreateTable(
                name: "messagekinddays",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    isbot = table.Column<bool>(type: "boolean", nullable: false),
                    messages = table.Column<long>(type: "bigint", nullable: false),
                    withattachments = table.Column<long>(type: "bigint", nullable: false),
                    withlinks = table.Column<long>(type: "bigint", nullable: false),
                    replies = table.Column<long>(type: "bigint", nullable: false),
                    withmentions = table.Column<long>(type: "bigint", nullable: false),
                    totallength = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messagekinddays", x => new { x.guildid, x.day, x.isbot });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "emojidays");

            migrationBuilder.DropTable(
                name: "messagekinddays");

            migrationBuilder.DropColumn(
                name: "contentlength",
                table: "messagefacts");

            migrationBuilder.DropColumn(
                name: "kinds",
                table: "messagefacts");
        }
    }
}
