import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    /// Migration `2-leads`: the booking form's leads, with spam kept as rows without personal data.
    static let leadsTableStatements = [
        """
        CREATE TABLE leads (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            site TEXT NOT NULL,
            page TEXT NOT NULL,
            name TEXT,
            phone TEXT,
            model TEXT NOT NULL,
            city TEXT,
            dealer TEXT NOT NULL,
            visitor TEXT,
            consent_version TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            spam BOOLEAN NOT NULL DEFAULT FALSE
        )
        """,
        "CREATE INDEX leads_phone_model_time ON leads (phone, model, created_at)",
        "CREATE INDEX leads_time ON leads (created_at)",
    ]

    /// Stores the lead in the next group commit of leads, unless the same number booked the same model within
    /// `window`: instances sharing the database cannot both store the same lead (see `insert(_:on:logger:)`).
    package func record(_ lead: Lead, dedupeWindow window: TimeInterval) async throws -> LeadOutcome {
        try await leads.submit([WindowedLead(lead: lead, window: window)])[0]
    }

    /// A batch of leads in one statement, and so one round trip and one transaction: `showroom_record_leads`
    /// (migration `8-lead-batches`) takes the advisory lock of every number and model in it (in one order, so two
    /// instances' batches cannot deadlock), then checks and inserts each lead in turn, so the batch's earlier leads count
    /// for the check of its later ones; a stored lead takes its visitor's first and latest touch as they stand.
    static func insert(_ batch: [WindowedLead], on client: PostgresClient, logger: Logger) async throws -> [LeadOutcome] {
        var bindings = PostgresBindings(capacity: 12)
        bindings.append(batch.map(\.lead.site))
        bindings.append(batch.map(\.lead.page))
        bindings.append(PostgresTextColumn(values: batch.map(\.lead.name)))
        bindings.append(PostgresTextColumn(values: batch.map(\.lead.phone)))
        bindings.append(batch.map(\.lead.model))
        bindings.append(PostgresTextColumn(values: batch.map(\.lead.city)))
        bindings.append(batch.map(\.lead.dealer))
        bindings.append(PostgresTextColumn(values: batch.map(\.lead.visitor)))
        bindings.append(batch.map(\.lead.consentVersion))
        bindings.append(batch.map(\.lead.createdAt.epochMilliseconds))
        bindings.append(batch.map(\.lead.isSpam))
        bindings.append(batch.map { Int64(($0.window * 1000).rounded()) })
        let rows = try await client.query(PostgresQuery(unsafeSQL: """
            SELECT * FROM showroom_record_leads($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                                $7::text[], $8::text[], $9::text[], $10::bigint[], $11::boolean[], $12::bigint[])
            """, binds: bindings), logger: logger)
        var outcomes: [LeadOutcome?] = Array(repeating: nil, count: batch.count)
        for try await row in rows {
            let columns = row.makeRandomAccess()
            let index = try columns["ordinal"].decode(Int.self) - 1
            guard batch.indices.contains(index) else { continue }
            let lead = batch[index].lead
            if try columns["repeat"].decode(Bool.self) {
                outcomes[index] = .duplicate(of: try Self.lead(row))
            } else {
                var stored = lead
                stored.id = try columns["id"].decode(Int64.self)
                outcomes[index] = lead.isSpam ? .spam : .stored(stored)
            }
        }
        guard outcomes.allSatisfy({ $0 != nil }) else {
            throw StoreError("PostgreSQL did not say what became of every lead of a batch of \(batch.count)")
        }
        return outcomes.compactMap { $0 }
    }

    /// Migration `8-lead-batches`: `showroom_record_leads`, which stores a batch of leads in one call (a batch was
    /// `BEGIN`, the locks, three statements per lead and `COMMIT`). The rules are those of
    /// `SQLiteStore.insert(_:dedupeWindow:_:)`: a lead that is not spam and has a number repeats an earlier lead that is
    /// not spam, of the same number and model, within the window either side of its time. It returns one row per lead:
    /// its position in the batch (from 1), whether it repeats one, and the earlier lead's columns or the new lead's id.
    static let leadBatchStatements = [
        """
        CREATE FUNCTION showroom_record_leads(
            lead_sites text[], lead_pages text[], lead_names text[], lead_phones text[], lead_models text[],
            lead_cities text[], lead_dealers text[], lead_visitors text[], lead_consents text[], lead_ats bigint[],
            lead_spam boolean[], lead_windows bigint[])
        RETURNS TABLE (ordinal integer, repeat boolean, id bigint, site text, page text, name text, phone text, model text,
                       city text, dealer text, visitor text, consent_version text, created_at bigint, spam boolean)
        LANGUAGE plpgsql VOLATILE AS $$
        #variable_conflict use_column
        DECLARE
            i integer;
            earlier leads%ROWTYPE;
        BEGIN
            -- Serialize the check-then-insert per number and model across every instance sharing the store.
            PERFORM pg_advisory_xact_lock(key) FROM (
                SELECT DISTINCT hashtext('lead|' || k.phone || '|' || k.model) AS key
                FROM unnest(lead_phones, lead_models, lead_spam) AS k(phone, model, spam)
                WHERE NOT k.spam AND k.phone IS NOT NULL
                ORDER BY key) AS keys;
            FOR i IN 1 .. coalesce(cardinality(lead_ats), 0) LOOP
                ordinal := i;
                earlier := NULL;
                IF NOT lead_spam[i] AND lead_phones[i] IS NOT NULL THEN
                    -- Either side of this lead's time: instances' clocks differ, and a later one may have committed first.
                    SELECT * INTO earlier FROM leads AS l
                    WHERE l.phone = lead_phones[i] AND l.model = lead_models[i] AND NOT l.spam
                      AND l.created_at > lead_ats[i] - lead_windows[i] AND l.created_at < lead_ats[i] + lead_windows[i]
                    ORDER BY l.created_at LIMIT 1;
                END IF;
                IF earlier.id IS NOT NULL THEN
                    repeat := TRUE;
                    id := earlier.id; site := earlier.site; page := earlier.page; name := earlier.name;
                    phone := earlier.phone; model := earlier.model; city := earlier.city; dealer := earlier.dealer;
                    visitor := earlier.visitor; consent_version := earlier.consent_version;
                    created_at := earlier.created_at; spam := earlier.spam;
                ELSE
                    repeat := FALSE;
                    site := NULL; page := NULL; name := NULL; phone := NULL; model := NULL; city := NULL; dealer := NULL;
                    visitor := NULL; consent_version := NULL; created_at := NULL; spam := NULL;
                    INSERT INTO leads AS l (site, page, name, phone, model, city, dealer, visitor, consent_version,
                                            created_at, spam, first_touch, latest_touch)
                    SELECT lead_sites[i], lead_pages[i], lead_names[i], lead_phones[i], lead_models[i], lead_cities[i],
                           lead_dealers[i], lead_visitors[i], lead_consents[i], lead_ats[i], lead_spam[i],
                           t.first_touch, t.latest_touch
                    FROM (SELECT 1) AS one
                    LEFT JOIN visitor_touches AS t ON NOT lead_spam[i] AND t.visitor = lead_visitors[i]
                    RETURNING l.id INTO id;
                END IF;
                RETURN NEXT;
            END LOOP;
        END
        $$
        """,
    ]


    /// Reads the leads that are not spam from `since` on, oldest first (by id within one millisecond).
    package func leads(since: Date) async throws -> [Lead] {
        let rows = try await client.query("""
            SELECT \(unescaped: Self.leadColumns) FROM leads
            WHERE NOT spam AND created_at >= \(since.epochMilliseconds)
            ORDER BY created_at, id
            """, logger: logger)
        var leads: [Lead] = []
        for try await row in rows { leads.append(try Self.lead(row)) }
        return leads
    }

    /// Counts the lead rows, spam apart, in one query.
    package func leadTotals() async throws -> LeadTotals {
        let rows = try await client.query(
            "SELECT (SELECT COUNT(*) FROM leads WHERE NOT spam), (SELECT COUNT(*) FROM leads WHERE spam)", logger: logger)
        for try await (leads, spam) in rows.decode((Int, Int).self) {
            return LeadTotals(leads: leads, spam: spam)
        }
        throw StoreError("PostgreSQL returned no row for the lead totals")
    }

    /// Deletes the number's leads and their visitor ids' rows in one transaction.
    package func forget(phone: String) async throws -> Erasure {
        let logger = self.logger
        return try await client.withTransaction(logger: logger) { connection in
            var visitors: [String] = []
            let found = try await connection.query(
                "SELECT DISTINCT visitor FROM leads WHERE phone = \(phone) AND visitor IS NOT NULL", logger: logger)
            for try await visitor in found.decode(String.self) { visitors.append(visitor) }
            var erasure = Erasure(visitors: visitors.count)
            erasure.leads = try await Self.changedRows(
                "DELETE FROM leads WHERE phone = \(phone) RETURNING 1", on: connection, logger: logger)
            for visitor in visitors {
                erasure.events += try await Self.changedRows(
                    "DELETE FROM events WHERE visitor = \(visitor) RETURNING 1", on: connection, logger: logger)
                erasure.downloads += try await Self.changedRows(
                    "DELETE FROM downloads WHERE visitor = \(visitor) RETURNING 1", on: connection, logger: logger)
                erasure.touches += try await Self.changedRows(
                    "DELETE FROM visitor_touches WHERE visitor = \(visitor) RETURNING 1", on: connection, logger: logger)
                erasure.funnelEntries += try await Self.changedRows(
                    "UPDATE funnel_visitors SET visitor = \(Erasure.anonymousVisitor()) WHERE visitor = \(visitor) RETURNING 1",
                    on: connection, logger: logger)
            }
            return erasure
        }
    }

    /// How many rows a `DELETE` or `UPDATE … RETURNING 1` changed.
    private static func changedRows(_ statement: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        var count = 0
        for try await _ in try await connection.query(statement, logger: logger) { count += 1 }
        return count
    }

    private static let leadColumns =
        "id, site, page, name, phone, model, city, dealer, visitor, consent_version, created_at, spam"

    private static func lead(_ row: PostgresRow) throws -> Lead {
        let columns = row.makeRandomAccess()
        return Lead(
            id: try columns["id"].decode(Int64.self), site: try columns["site"].decode(String.self),
            page: try columns["page"].decode(String.self), name: try columns["name"].decode(String?.self),
            phone: try columns["phone"].decode(String?.self), model: try columns["model"].decode(String.self),
            city: try columns["city"].decode(String?.self), dealer: try columns["dealer"].decode(String.self),
            visitor: try columns["visitor"].decode(String?.self),
            consentVersion: try columns["consent_version"].decode(String.self),
            createdAt: Date(epochMilliseconds: try columns["created_at"].decode(Int64.self)),
            isSpam: try columns["spam"].decode(Bool.self))
    }
}
