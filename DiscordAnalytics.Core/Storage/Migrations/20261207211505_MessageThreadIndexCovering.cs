using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class MessageThreadIndexCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messageFacts_guildId_threadId_createdAt",
                table: "messageFacts");

            migrationBuilder.CreateIndex(
                name: "IX_messageFacts_thread",
                table: "messageFacts",
                columns: new[] { "guildId", "threadId", "createdAt", "authorId", "isBot", "isCreated", "deletedAt" },
                filter: "\"threadId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messageFacts_thread",
                table: "messageFacts");

            migrationBuilder.CreateIndex(
                name: "IX_messageFacts_guildId_threadId_createdAt",
                table: "messageFacts",
                columns: new[] { "guildId", "threadId", "createdAt" },
                filter: "\"threadId\" IS NOT NULL");
        }
    }
}
