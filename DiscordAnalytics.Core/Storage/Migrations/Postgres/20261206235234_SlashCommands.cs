using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class SlashCommands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "slashcommandsettings",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    answer = table.Column<bool>(type: "boolean", nullable: false),
                    statspublic = table.Column<bool>(type: "boolean", nullable: false),
                    leaderboardpublic = table.Column<bool>(type: "boolean", nullable: false),
                    registeredcommands = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_slashcommandsettings", x => x.guildid);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "slashcommandsettings");
        }
    }
}
