using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Web.Auth.Migrations
{
    /// <summary>
    /// AuthDbContext's first migration adopts <c>adminCredentials</c>. Every store made so far has the table, with its
    /// row: the analytics migrations AdminCredentials and SignInLockoutState created it, and they still run first on a
    /// new file. So the table is created only when it is missing, in the same shape, and never dropped: it is the
    /// admin's credential.
    /// </summary>
    public partial class AdoptAdminCredentials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE TABLE IF NOT EXISTS "adminCredentials" (
                    "id" INTEGER NOT NULL CONSTRAINT "PK_adminCredentials" PRIMARY KEY,
                    "passwordHash" TEXT NOT NULL,
                    "securityStamp" TEXT NOT NULL,
                    "source" TEXT NOT NULL,
                    "updatedAt" INTEGER NOT NULL,
                    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
                    "lockedUntil" INTEGER NOT NULL DEFAULT 0,
                    "lockouts" INTEGER NOT NULL DEFAULT 0
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Adopted, not created: going back leaves the credential where it is.
        }
    }
}
