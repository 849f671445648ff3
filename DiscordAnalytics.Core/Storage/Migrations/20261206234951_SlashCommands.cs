using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SlashCommands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "slashCommandSettings",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    answer = table.Column<bool>(type: "INTEGER", nullable: false),
                    statsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    leaderboardPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    registeredCommands = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_slashCommandSettings", x => x.guildId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "slashCommandSettings");
        }
    }
}
