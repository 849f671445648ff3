using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class SupportFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "supportquestions",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    withbots = table.Column<bool>(type: "boolean", nullable: false),
                    messageid = table.Column<long>(type: "bigint", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: false),
                    authorid = table.Column<long>(type: "bigint", nullable: false),
                    askedat = table.Column<long>(type: "bigint", nullable: false),
                    answeredat = table.Column<long>(type: "bigint", nullable: true),
                    answermessageid = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supportquestions", x => new { x.guildid, x.withbots, x.messageid });
                });

            migrationBuilder.CreateTable(
                name: "supportthreads",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    threadid = table.Column<long>(type: "bigint", nullable: false),
                    startedat = table.Column<long>(type: "bigint", nullable: false),
                    starterauthorid = table.Column<long>(type: "bigint", nullable: true),
                    starterisbot = table.Column<bool>(type: "boolean", nullable: false),
                    startergone = table.Column<bool>(type: "boolean", nullable: false),
                    firstresponseat = table.Column<long>(type: "bigint", nullable: true),
                    firstresponsewithbotsat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supportthreads", x => new { x.guildid, x.threadid });
                });

            migrationBuilder.CreateIndex(
                name: "ix_messagefacts_channel",
                table: "messagefacts",
                columns: new[] { "guildid", "channelid", "createdat" },
                filter: "\"threadid\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_supportquestions_guildid_withbots_askedat",
                table: "supportquestions",
                columns: new[] { "guildid", "withbots", "askedat" });

            migrationBuilder.CreateIndex(
                name: "ix_supportquestions_guildid_withbots_channelid_askedat",
                table: "supportquestions",
                columns: new[] { "guildid", "withbots", "channelid", "askedat" });

            migrationBuilder.CreateIndex(
                name: "ix_supportthreads_guildid_startedat",
                table: "supportthreads",
                columns: new[] { "guildid", "startedat" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "supportquestions");

            migrationBuilder.DropTable(
                name: "supportthreads");

            migrationBuilder.DropIndex(
                name: "ix_messagefacts_channel",
                table: "messagefacts");
        }
    }
}
