import Foundation
import GRDB

extension SQLiteStore {
    /// Migration `2-leads`: the booking form's leads, with spam kept as rows without personal data.
    static func createLeadsTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE leads (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                site TEXT NOT NULL,
                page TEXT NOT NULL,
                name TEXT,
                phone TEXT,
                model TEXT NOT NULL,
                city TEXT,
                dealer TEXT NOT NULL,
                visitor TEXT,
                consent_version TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                spam INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX leads_phone_model_time ON leads (phone, model, created_at);
            CREATE INDEX leads_time ON leads (created_at);
            """)
    }

    /// Checks for an earlier lead and inserts in one write transaction: the pool's one writer keeps two bookings from
    /// both passing the check.
    public func record(_ lead: Lead, dedupeWindow window: TimeInterval) async throws -> LeadOutcome {
        try await pool.write { db in
            // The pool has one writer, so the check and the insert cannot interleave with another booking's. Either
            // side of this lead's time counts: a booking stamped a moment later may have committed first.
            if !lead.isSpam, let phone = lead.phone,
               let earlier = try Row.fetchOne(db, sql: """
                   SELECT * FROM leads
                   WHERE phone = ? AND model = ? AND spam = 0 AND created_at > ? AND created_at < ?
                   ORDER BY created_at LIMIT 1
                   """, arguments: [phone, lead.model, lead.createdAt.addingTimeInterval(-window).epochMilliseconds,
                                    lead.createdAt.addingTimeInterval(window).epochMilliseconds]) {
                return .duplicate(of: Self.lead(earlier))
            }
            try db.execute(sql: """
                INSERT INTO leads (site, page, name, phone, model, city, dealer, visitor, consent_version, created_at, spam)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    lead.site, lead.page, lead.name, lead.phone, lead.model, lead.city, lead.dealer, lead.visitor,
                    lead.consentVersion, lead.createdAt.epochMilliseconds, lead.isSpam,
                ])
            if lead.isSpam { return .spam }
            var stored = lead
            stored.id = db.lastInsertedRowID
            try Self.copyTouches(toLead: db.lastInsertedRowID, db)
            return .stored(stored)
        }
    }

    /// Reads the leads that are not spam from `since` on, oldest first (by id within one millisecond).
    public func leads(since: Date) async throws -> [Lead] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM leads WHERE spam = 0 AND created_at >= ? ORDER BY created_at, id",
                             arguments: [since.epochMilliseconds]).map(Self.lead)
        }
    }

    /// Counts the lead rows, spam apart.
    public func leadTotals() async throws -> LeadTotals {
        try await pool.read { db in
            LeadTotals(
                leads: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM leads WHERE spam = 0") ?? 0,
                spam: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM leads WHERE spam = 1") ?? 0)
        }
    }

    /// Deletes the number's rows in one statement and returns how many there were.
    public func forgetLeads(phone: String) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM leads WHERE phone = ?", arguments: [phone])
            return db.changesCount
        }
    }

    private static func lead(_ row: Row) -> Lead {
        Lead(id: row["id"], site: row["site"], page: row["page"], name: row["name"], phone: row["phone"], model: row["model"],
             city: row["city"], dealer: row["dealer"], visitor: row["visitor"], consentVersion: row["consent_version"],
             createdAt: Date(epochMilliseconds: row["created_at"]), isSpam: row["spam"])
    }
}
