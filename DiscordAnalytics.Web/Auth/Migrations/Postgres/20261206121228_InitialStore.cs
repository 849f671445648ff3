using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Web.Auth.PostgresMigrations
{
    /// <inheritdoc />
    public partial class InitialStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "admincredentials",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    passwordhash = table.Column<string>(type: "text", nullable: false),
                    securitystamp = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    updatedat = table.Column<long>(type: "bigint", nullable: false),
                    failedsignins = table.Column<int>(type: "integer", nullable: false),
                    lockouts = table.Column<int>(type: "integer", nullable: false),
                    lockeduntil = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admincredentials", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admincredentials");
        }
    }
}
