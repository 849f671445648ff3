using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class CardReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "channeldayversions",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channeldayversions", x => new { x.guildid, x.day });
                });

            migrationBuilder.CreateIndex(
                name: "ix_members_joined",
                table: "members",
                columns: new[] { "guildid", "joinedat", "isbot", "firstpostat" },
                filter: "\"joinedat\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "channeldayversions");

            migrationBuilder.DropIndex(
                name: "ix_members_joined",
                table: "members");
        }
    }
}
