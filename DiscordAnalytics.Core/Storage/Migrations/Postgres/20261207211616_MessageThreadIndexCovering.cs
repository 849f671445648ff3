using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class MessageThreadIndexCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_messagefacts_guildid_threadid_createdat",
                table: "messagefacts");

            migrationBuilder.CreateIndex(
                name: "ix_messagefacts_thread",
                table: "messagefacts",
                columns: new[] { "guildid", "threadid", "createdat", "authorid", "isbot", "iscreated", "deletedat" },
                filter: "\"threadid\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_messagefacts_thread",
                table: "messagefacts");

            migrationBuilder.CreateIndex(
                name: "ix_messagefacts_guildid_threadid_createdat",
                table: "messagefacts",
                columns: new[] { "guildid", "threadid", "createdat" },
                filter: "\"threadid\" IS NOT NULL");
        }
    }
}
