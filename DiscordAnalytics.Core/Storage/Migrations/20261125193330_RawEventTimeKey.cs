using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class RawEventTimeKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_analyticsEvents",
                table: "analyticsEvents");

            migrationBuilder.DropIndex(
                name: "IX_analyticsEvents_guildId_eventAt",
                table: "analyticsEvents");

            migrationBuilder.AddColumn<long>(
                name: "keyAt",
                table: "analyticsEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddPrimaryKey(
                name: "PK_analyticsEvents",
                table: "analyticsEvents",
                columns: new[] { "guildId", "keyAt", "eventType", "eventId" });

            // Existing rows get the time IngestEvent.KeyAt computes from their dedupe key: the snowflake time of
            // the message (create, delete) or thread, the edit time of an update, the event time for the rest.
            migrationBuilder.Sql("""
                UPDATE analyticsEvents SET keyAt = CASE
                    WHEN eventType IN ('message_create', 'message_delete', 'thread_create') THEN (CAST(eventId AS INTEGER) >> 22) + 1420070400000
                    WHEN eventType = 'message_update' THEN CAST(substr(eventId, instr(eventId, ':') + 1) AS INTEGER)
                    ELSE eventAt
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_analyticsEvents",
                table: "analyticsEvents");

            migrationBuilder.DropColumn(
                name: "keyAt",
                table: "analyticsEvents");

            migrationBuilder.AddPrimaryKey(
                name: "PK_analyticsEvents",
                table: "analyticsEvents",
                columns: new[] { "guildId", "eventType", "eventId" });

            migrationBuilder.CreateIndex(
                name: "IX_analyticsEvents_guildId_eventAt",
                table: "analyticsEvents",
                columns: new[] { "guildId", "eventAt" });
        }
    }
}
