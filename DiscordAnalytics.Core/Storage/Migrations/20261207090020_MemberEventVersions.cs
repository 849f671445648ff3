using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class MemberEventVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "memberEventVersions",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberEventVersions", x => x.guildId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_analyticsEvents_membership",
                table: "analyticsEvents",
                columns: new[] { "guildId", "userId", "keyAt", "eventType", "isBot" },
                filter: "\"eventType\" IN ('member_add', 'member_remove')");

            // Every join or leave stored, changed or deleted (pruned, forgotten) steps the guild's version, in the changing
            // statement's transaction, whoever writes: the role filter's kept joins and leaves are read again when it
            // moved. Other raw events only test the type. No conflict clause inside: an outer upsert's would override it.
            foreach (var (name, when, row) in Triggers)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {name} {when}
                    BEGIN
                        INSERT INTO memberEventVersions (guildId, version)
                        SELECT {row}.guildId, 0 WHERE NOT EXISTS (SELECT 1 FROM memberEventVersions WHERE guildId = {row}.guildId);
                        UPDATE memberEventVersions SET version = version + 1 WHERE guildId = {row}.guildId;
                    END;
                    """);
            }
        }

        private const string Membership = "IN ('member_add', 'member_remove')";

        private static readonly (string Name, string When, string Row)[] Triggers =
        [
            ("memberEventInserted", $"AFTER INSERT ON analyticsEvents WHEN NEW.eventType {Membership}", "NEW"),
            ("memberEventDeleted", $"AFTER DELETE ON analyticsEvents WHEN OLD.eventType {Membership}", "OLD"),
            ("memberEventChanged", $"AFTER UPDATE ON analyticsEvents WHEN OLD.eventType {Membership} OR NEW.eventType {Membership}", "NEW"),
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _, _) in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER {name};");
            }

            migrationBuilder.DropTable(
                name: "memberEventVersions");

            migrationBuilder.DropIndex(
                name: "IX_analyticsEvents_membership",
                table: "analyticsEvents");
        }
    }
}
