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

    /// Stores the lead in the next group commit, unless the same number booked the same model within `window`.
    public func record(_ lead: Lead, dedupeWindow window: TimeInterval) async throws -> LeadOutcome {
        try await leads.submit([WindowedLead(lead: lead, window: window)])[0]
    }

    /// Checks for an earlier lead and inserts, inside the batch's write transaction: the pool's one writer keeps two
    /// bookings from both passing the check, and the batch's earlier leads are visible to the check.
    static func insert(_ lead: Lead, dedupeWindow window: TimeInterval, _ db: Database) throws -> LeadOutcome {
        // Either side of this lead's time counts: a booking stamped a moment later may have committed first.
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

    /// Deletes the number's leads and their visitor ids' rows in one write transaction.
    public func forget(phone: String) async throws -> Erasure {
        try await pool.write { db in
            let visitors = try String.fetchAll(db, sql: "SELECT DISTINCT visitor FROM leads WHERE phone = ? AND visitor IS NOT NULL",
                                               arguments: [phone])
            var erasure = Erasure(visitors: visitors.count)
            try db.execute(sql: "DELETE FROM leads WHERE phone = ?", arguments: [phone])
            erasure.leads = db.changesCount
            for visitor in visitors {
                try db.execute(sql: "DELETE FROM events WHERE visitor = ?", arguments: [visitor])
                erasure.events += db.changesCount
                try db.execute(sql: "DELETE FROM downloads WHERE visitor = ?", arguments: [visitor])
                erasure.downloads += db.changesCount
                try db.execute(sql: "DELETE FROM visitor_touches WHERE visitor = ?", arguments: [visitor])
                erasure.touches += db.changesCount
                try db.execute(sql: "UPDATE funnel_visitors SET visitor = ? WHERE visitor = ?", arguments: [Erasure.anonymousVisitor(), visitor])
                erasure.funnelEntries += db.changesCount
            }
            return erasure
        }
    }

    private static func lead(_ row: Row) -> Lead {
        Lead(id: row["id"], site: row["site"], page: row["page"], name: row["name"], phone: row["phone"], model: row["model"],
             city: row["city"], dealer: row["dealer"], visitor: row["visitor"], consentVersion: row["consent_version"],
             createdAt: Date(epochMilliseconds: row["created_at"]), isSpam: row["spam"])
    }
}
