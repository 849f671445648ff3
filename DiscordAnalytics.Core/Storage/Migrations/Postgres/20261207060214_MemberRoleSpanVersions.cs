using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class MemberRoleSpanVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "memberrolespanversions",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberrolespanversions", x => x.guildid);
                });

            // Every change of a role span steps the guild's version, in the changing statement's transaction, whoever
            // writes: the role filter's kept spans are read again when it moved.
            migrationBuilder.Sql("""
                CREATE FUNCTION memberrolespanversions_step() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO memberrolespanversions (guildid, version)
                    VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.guildid ELSE NEW.guildid END, 1)
                    ON CONFLICT (guildid) DO UPDATE SET version = memberrolespanversions.version + 1;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER memberrolespaninserted AFTER INSERT ON memberrolespans FOR EACH ROW EXECUTE FUNCTION memberrolespanversions_step();
                CREATE TRIGGER memberrolespandeleted AFTER DELETE ON memberrolespans FOR EACH ROW EXECUTE FUNCTION memberrolespanversions_step();
                CREATE TRIGGER memberrolespanchanged AFTER UPDATE ON memberrolespans FOR EACH ROW EXECUTE FUNCTION memberrolespanversions_step();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER memberrolespaninserted ON memberrolespans;
                DROP TRIGGER memberrolespandeleted ON memberrolespans;
                DROP TRIGGER memberrolespanchanged ON memberrolespans;
                DROP FUNCTION memberrolespanversions_step();
                """);

            migrationBuilder.DropTable(
                name: "memberrolespanversions");
        }
    }
}
