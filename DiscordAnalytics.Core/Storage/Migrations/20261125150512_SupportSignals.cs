using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SupportSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_messageFacts_guildId_day",
                table: "messageFacts",
                columns: new[] { "guildId", "day" });

            migrationBuilder.CreateIndex(
                name: "IX_messageFacts_guildId_threadId_createdAt",
                table: "messageFacts",
                columns: new[] { "guildId", "threadId", "createdAt" },
                filter: "\"threadId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messageFacts_guildId_day",
                table: "messageFacts");

            migrationBuilder.DropIndex(
                name: "IX_messageFacts_guildId_threadId_createdAt",
                table: "messageFacts");
        }
    }
}
