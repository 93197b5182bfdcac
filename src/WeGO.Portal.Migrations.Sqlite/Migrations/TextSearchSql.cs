namespace WeGO.Portal.Migrations.Sqlite.Migrations;

/// <summary>The SQL of the <see cref="TextSearch"/> migration: FTS5 tables with the trigram tokenizer (it matches any
/// part of a word in any script, Korean included, without case or accents) and the triggers that keep them in step
/// with the rows they index.</summary>
internal static class TextSearchSql
{
    private const string Tokenizer = "tokenize = 'trigram remove_diacritics 1'";

    public const string Create = $"""
        CREATE VIRTUAL TABLE "VisitSearch" USING fts5("Organization", "Venue", "HeadOfDelegation", {Tokenizer});
        INSERT INTO "VisitSearch" (rowid, "Organization", "Venue", "HeadOfDelegation")
        SELECT v."Id", o."Name", v."Venue", d."HeadOfDelegation"
        FROM "Visits" AS v
        JOIN "Organizations" AS o ON o."Id" = v."OrganizationId"
        LEFT JOIN "Delegation" AS d ON d."VisitId" = v."Id";

        CREATE TRIGGER "Visits_Search_Insert" AFTER INSERT ON "Visits" BEGIN
            INSERT INTO "VisitSearch" (rowid, "Organization", "Venue", "HeadOfDelegation")
            VALUES (new."Id", (SELECT "Name" FROM "Organizations" WHERE "Id" = new."OrganizationId"), new."Venue",
                (SELECT "HeadOfDelegation" FROM "Delegation" WHERE "VisitId" = new."Id"));
        END;
        CREATE TRIGGER "Visits_Search_Update" AFTER UPDATE OF "Venue", "OrganizationId" ON "Visits" BEGIN
            UPDATE "VisitSearch"
            SET "Venue" = new."Venue",
                "Organization" = (SELECT "Name" FROM "Organizations" WHERE "Id" = new."OrganizationId")
            WHERE rowid = new."Id";
        END;
        CREATE TRIGGER "Visits_Search_Delete" AFTER DELETE ON "Visits" BEGIN
            DELETE FROM "VisitSearch" WHERE rowid = old."Id";
        END;
        CREATE TRIGGER "Delegation_Search_Insert" AFTER INSERT ON "Delegation" BEGIN
            UPDATE "VisitSearch" SET "HeadOfDelegation" = new."HeadOfDelegation" WHERE rowid = new."VisitId";
        END;
        CREATE TRIGGER "Delegation_Search_Update" AFTER UPDATE OF "HeadOfDelegation" ON "Delegation" BEGIN
            UPDATE "VisitSearch" SET "HeadOfDelegation" = new."HeadOfDelegation" WHERE rowid = new."VisitId";
        END;
        CREATE TRIGGER "Delegation_Search_Delete" AFTER DELETE ON "Delegation" BEGIN
            UPDATE "VisitSearch" SET "HeadOfDelegation" = NULL WHERE rowid = old."VisitId";
        END;

        CREATE VIRTUAL TABLE "OrganizationSearch" USING fts5("Name", "LocalName", {Tokenizer});
        INSERT INTO "OrganizationSearch" (rowid, "Name", "LocalName")
        SELECT "Id", "Name", "LocalName" FROM "Organizations";

        CREATE TRIGGER "Organizations_Search_Insert" AFTER INSERT ON "Organizations" BEGIN
            INSERT INTO "OrganizationSearch" (rowid, "Name", "LocalName") VALUES (new."Id", new."Name", new."LocalName");
        END;
        CREATE TRIGGER "Organizations_Search_Update" AFTER UPDATE OF "Name", "LocalName" ON "Organizations" BEGIN
            UPDATE "OrganizationSearch" SET "Name" = new."Name", "LocalName" = new."LocalName" WHERE rowid = new."Id";
        END;
        CREATE TRIGGER "Organizations_Search_Rename" AFTER UPDATE OF "Name" ON "Organizations"
        WHEN new."Name" IS NOT old."Name" BEGIN
            UPDATE "VisitSearch" SET "Organization" = new."Name"
            WHERE rowid IN (SELECT "Id" FROM "Visits" WHERE "OrganizationId" = new."Id");
        END;
        CREATE TRIGGER "Organizations_Search_Delete" AFTER DELETE ON "Organizations" BEGIN
            DELETE FROM "OrganizationSearch" WHERE rowid = old."Id";
        END;

        CREATE VIRTUAL TABLE "InquirySearch" USING fts5(
            "OrganizationName", "ContactName", "Email", "Reference", {Tokenizer});
        INSERT INTO "InquirySearch" (rowid, "OrganizationName", "ContactName", "Email", "Reference")
        SELECT "Id", "OrganizationName", "ContactName", "Email", "Reference" FROM "MembershipInquiries";

        CREATE TRIGGER "MembershipInquiries_Search_Insert" AFTER INSERT ON "MembershipInquiries" BEGIN
            INSERT INTO "InquirySearch" (rowid, "OrganizationName", "ContactName", "Email", "Reference")
            VALUES (new."Id", new."OrganizationName", new."ContactName", new."Email", new."Reference");
        END;
        CREATE TRIGGER "MembershipInquiries_Search_Update"
        AFTER UPDATE OF "OrganizationName", "ContactName", "Email", "Reference" ON "MembershipInquiries" BEGIN
            UPDATE "InquirySearch"
            SET "OrganizationName" = new."OrganizationName", "ContactName" = new."ContactName",
                "Email" = new."Email", "Reference" = new."Reference"
            WHERE rowid = new."Id";
        END;
        CREATE TRIGGER "MembershipInquiries_Search_Delete" AFTER DELETE ON "MembershipInquiries" BEGIN
            DELETE FROM "InquirySearch" WHERE rowid = old."Id";
        END;
        """;

    public const string Drop = """
        DROP TRIGGER "MembershipInquiries_Search_Delete";
        DROP TRIGGER "MembershipInquiries_Search_Update";
        DROP TRIGGER "MembershipInquiries_Search_Insert";
        DROP TABLE "InquirySearch";
        DROP TRIGGER "Organizations_Search_Delete";
        DROP TRIGGER "Organizations_Search_Rename";
        DROP TRIGGER "Organizations_Search_Update";
        DROP TRIGGER "Organizations_Search_Insert";
        DROP TABLE "OrganizationSearch";
        DROP TRIGGER "Delegation_Search_Delete";
        DROP TRIGGER "Delegation_Search_Update";
        DROP TRIGGER "Delegation_Search_Insert";
        DROP TRIGGER "Visits_Search_Delete";
        DROP TRIGGER "Visits_Search_Update";
        DROP TRIGGER "Visits_Search_Insert";
        DROP TABLE "VisitSearch";
        """;
}
