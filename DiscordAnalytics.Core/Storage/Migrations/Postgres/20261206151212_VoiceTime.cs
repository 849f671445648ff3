using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class VoiceTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "talkms",
                table: "memberdailyrollups",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "voicems",
                table: "memberdailyrollups",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "afkchannelid",
                table: "guilds",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "voicedays",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: false),
                    userid = table.Column<long>(type: "bigint", nullable: false),
                    talkms = table.Column<long>(type: "bigint", nullable: false),
                    mutedms = table.Column<long>(type: "bigint", nullable: false),
                    alonems = table.Column<long>(type: "bigint", nullable: false),
                    quarterhourms = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_voicedays", x => new { x.guildid, x.day, x.channelid, x.userid });
                });

            migrationBuilder.CreateTable(
                name: "voicesessions",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    userid = table.Column<long>(type: "bigint", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: false),
                    isbot = table.Column<bool>(type: "boolean", nullable: false),
                    muted = table.Column<bool>(type: "boolean", nullable: false),
                    startedat = table.Column<long>(type: "bigint", nullable: false),
                    accountedat = table.Column<long>(type: "bigint", nullable: false),
                    seenat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_voicesessions", x => new { x.guildid, x.userid });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "voicedays");

            migrationBuilder.DropTable(
                name: "voicesessions");

            migrationBuilder.DropColumn(
                name: "talkms",
                table: "memberdailyrollups");

            migrationBuilder.DropColumn(
                name: "voicems",
                table: "memberdailyrollups");

            migrationBuilder.DropColumn(
                name: "afkchannelid",
                table: "guilds");
        }
    }
}
