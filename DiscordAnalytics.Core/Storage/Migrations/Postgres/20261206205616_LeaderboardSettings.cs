using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class LeaderboardSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leaderboardsettings",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    streakmessages = table.Column<bool>(type: "boolean", nullable: false),
                    streakreactions = table.Column<bool>(type: "boolean", nullable: false),
                    streakvoice = table.Column<bool>(type: "boolean", nullable: false),
                    messageweight = table.Column<double>(type: "double precision", nullable: false),
                    reactionweight = table.Column<double>(type: "double precision", nullable: false),
                    threadweight = table.Column<double>(type: "double precision", nullable: false),
                    voiceminuteweight = table.Column<double>(type: "double precision", nullable: false),
                    publiclinkhash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    publiclinkcreatedat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leaderboardsettings", x => x.guildid);
                });

            migrationBuilder.CreateIndex(
                name: "ix_leaderboardsettings_publiclinkhash",
                table: "leaderboardsettings",
                column: "publiclinkhash",
                unique: true,
                filter: "\"publiclinkhash\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leaderboardsettings");
        }
    }
}
