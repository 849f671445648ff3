using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class MemberEventVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "membereventversions",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_membereventversions", x => x.guildid);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analyticsevents_membership",
                table: "analyticsevents",
                columns: new[] { "guildid", "userid", "keyat", "eventtype", "isbot" },
                filter: "\"eventtype\" IN ('member_add', 'member_remove')");

            // Every join or leave stored, changed or deleted (pruned, forgotten) steps the guild's version, in the changing
            // statement's transaction, whoever writes: the role filter's kept joins and leaves are read again when it
            // moved. Other raw events only test the type (the trigger's WHEN: the function is not called for them).
            migrationBuilder.Sql("""
                CREATE FUNCTION membereventversions_step() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO membereventversions (guildid, version)
                    VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.guildid ELSE NEW.guildid END, 1)
                    ON CONFLICT (guildid) DO UPDATE SET version = membereventversions.version + 1;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER membereventinserted AFTER INSERT ON analyticsevents FOR EACH ROW
                    WHEN (NEW.eventtype IN ('member_add', 'member_remove')) EXECUTE FUNCTION membereventversions_step();
                CREATE TRIGGER membereventdeleted AFTER DELETE ON analyticsevents FOR EACH ROW
                    WHEN (OLD.eventtype IN ('member_add', 'member_remove')) EXECUTE FUNCTION membereventversions_step();
                CREATE TRIGGER membereventchanged AFTER UPDATE ON analyticsevents FOR EACH ROW
                    WHEN (OLD.eventtype IN ('member_add', 'member_remove') OR NEW.eventtype IN ('member_add', 'member_remove'))
                    EXECUTE FUNCTION membereventversions_step();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER membereventinserted ON analyticsevents;
                DROP TRIGGER membereventdeleted ON analyticsevents;
                DROP TRIGGER membereventchanged ON analyticsevents;
                DROP FUNCTION membereventversions_step();
                """);

            migrationBuilder.DropTable(
                name: "membereventversions");

            migrationBuilder.DropIndex(
                name: "ix_analyticsevents_membership",
                table: "analyticsevents");
        }
    }
}
