using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ChannelQuarterHourRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
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

            // Existing stores get their history: every counted message (created, not deleted) in its
            // creation quarter hour, in its counted channel (message facts already hold the thread's parent).
            migrationBuilder.Sql("""
                INSERT INTO channelQuarterHourRollups (guildId, bucket, channelId, isBot, messageCount)
                SELECT guildId, createdAt / 900000, channelId, isBot, count(*)
                FROM messageFacts
                WHERE isCreated = 1 AND deletedAt IS NULL
                GROUP BY guildId, createdAt / 900000, channelId, isBot;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "channelQuarterHourRollups");
        }
    }
}
