using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class VoiceTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "talkMs",
                table: "memberDailyRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "voiceMs",
                table: "memberDailyRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "afkChannelId",
                table: "guilds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "voiceDays",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: false),
                    userId = table.Column<long>(type: "INTEGER", nullable: false),
                    talkMs = table.Column<long>(type: "INTEGER", nullable: false),
                    mutedMs = table.Column<long>(type: "INTEGER", nullable: false),
                    aloneMs = table.Column<long>(type: "INTEGER", nullable: false),
                    quarterHourMs = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voiceDays", x => new { x.guildId, x.day, x.channelId, x.userId });
                });

            migrationBuilder.CreateTable(
                name: "voiceSessions",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    userId = table.Column<long>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: false),
                    isBot = table.Column<bool>(type: "INTEGER", nullable: false),
                    muted = table.Column<bool>(type: "INTEGER", nullable: false),
                    startedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    accountedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    seenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voiceSessions", x => new { x.guildId, x.userId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "voiceDays");

            migrationBuilder.DropTable(
                name: "voiceSessions");

            migrationBuilder.DropColumn(
                name: "talkMs",
                table: "memberDailyRollups");

            migrationBuilder.DropColumn(
                name: "voiceMs",
                table: "memberDailyRollups");

            migrationBuilder.DropColumn(
                name: "afkChannelId",
                table: "guilds");
        }
    }
}
