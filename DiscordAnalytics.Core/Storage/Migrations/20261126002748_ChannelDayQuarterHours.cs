using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ChannelDayQuarterHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "channelDayQuarterHours",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: false),
                    isBot = table.Column<bool>(type: "INTEGER", nullable: false),
                    messageCounts = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channelDayQuarterHours", x => new { x.guildId, x.day, x.channelId, x.isBot });
                });

            // Existing counts move over unchanged: one row per (guild, day, channel, isBot) holding its 96 quarter
            // hours in order, each a little-endian int32 (QuarterHourCounts), quarter hours without a row being 0.
            migrationBuilder.Sql("""
                WITH RECURSIVE quarter(q) AS (SELECT 0 UNION ALL SELECT q + 1 FROM quarter WHERE q < 95),
                days AS (SELECT DISTINCT guildId, bucket / 96 AS day, channelId, isBot FROM channelQuarterHourRollups),
                counts AS (
                    SELECT d.guildId, d.day, d.channelId, d.isBot, quarter.q, coalesce(r.messageCount, 0) AS c
                    FROM days d
                    CROSS JOIN quarter
                    LEFT JOIN channelQuarterHourRollups r
                        ON r.guildId = d.guildId AND r.bucket = d.day * 96 + quarter.q AND r.channelId = d.channelId AND r.isBot = d.isBot)
                INSERT INTO channelDayQuarterHours (guildId, day, channelId, isBot, messageCounts)
                SELECT guildId, day, channelId, isBot,
                    unhex(group_concat(printf('%02X%02X%02X%02X', c & 255, (c >> 8) & 255, (c >> 16) & 255, (c >> 24) & 255), '' ORDER BY q))
                FROM counts
                GROUP BY guildId, day, channelId, isBot;
                """);

            migrationBuilder.DropTable(
                name: "channelQuarterHourRollups");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "channelQuarterHourRollups",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    bucket = table.Column<long>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: false),
                    isBot = table.Column<bool>(type: "INTEGER", nullable: false),
                    messageCount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channelQuarterHourRollups", x => new { x.guildId, x.bucket, x.channelId, x.isBot });
                });

            // Rebuilt as the ChannelQuarterHourRollups migration first filled it: from the message facts retention kept.
            migrationBuilder.Sql("""
                INSERT INTO channelQuarterHourRollups (guildId, bucket, channelId, isBot, messageCount)
                SELECT guildId, createdAt / 900000, channelId, isBot, count(*)
                FROM messageFacts
                WHERE isCreated = 1 AND deletedAt IS NULL
                GROUP BY guildId, createdAt / 900000, channelId, isBot;
                """);

            migrationBuilder.DropTable(
                name: "channelDayQuarterHours");
        }
    }
}
