using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CardReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "channelDayVersions",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channelDayVersions", x => new { x.guildId, x.day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_members_joined",
                table: "members",
                columns: new[] { "guildId", "joinedAt", "isBot", "firstPostAt" },
                filter: "\"joinedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "channelDayVersions");

            migrationBuilder.DropIndex(
                name: "IX_members_joined",
                table: "members");
        }
    }
}
