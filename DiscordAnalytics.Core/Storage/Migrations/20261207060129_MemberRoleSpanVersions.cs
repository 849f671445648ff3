using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class MemberRoleSpanVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "memberRoleSpanVersions",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberRoleSpanVersions", x => x.guildId);
                });

            // Every change of a role span steps the guild's version, in the changing statement's transaction, whoever
            // writes: the role filter's kept spans are read again when it moved. No conflict clause inside: an outer
            // upsert's conflict policy would override it.
            foreach (var (name, when, row) in Triggers)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {name} {when}
                    BEGIN
                        INSERT INTO memberRoleSpanVersions (guildId, version)
                        SELECT {row}.guildId, 0 WHERE NOT EXISTS (SELECT 1 FROM memberRoleSpanVersions WHERE guildId = {row}.guildId);
                        UPDATE memberRoleSpanVersions SET version = version + 1 WHERE guildId = {row}.guildId;
                    END;
                    """);
            }
        }

        private static readonly (string Name, string When, string Row)[] Triggers =
        [
            ("memberRoleSpanInserted", "AFTER INSERT ON memberRoleSpans", "NEW"),
            ("memberRoleSpanDeleted", "AFTER DELETE ON memberRoleSpans", "OLD"),
            ("memberRoleSpanChanged", "AFTER UPDATE ON memberRoleSpans", "NEW"),
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _, _) in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER {name};");
            }

            migrationBuilder.DropTable(
                name: "memberRoleSpanVersions");
        }
    }
}
