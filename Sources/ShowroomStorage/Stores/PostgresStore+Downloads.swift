extension PostgresStore {
    /// Migration `7-download-batches`: `showroom_record_downloads`, which stores a batch of downloads in one call.
    ///
    /// A batch used to be a transaction of six round trips (`BEGIN`, the advisory locks, the look-up of recent
    /// downloads, the insert, the rollup, `COMMIT`), and the statements' texts changed with the batch's size, so each
    /// was parsed and planned again. The function is one statement and so one transaction, and its statements' plans
    /// are kept by the session. The look-ups come after the locks and still see what the locks' previous holders
    /// committed: a `VOLATILE` function's statements each take a snapshot of their own (in `READ COMMITTED`).
    ///
    /// The rules are those of `SQLiteStore.insert(_:dedupeWindow:_:)`: a `link` download with a visitor id is a repeat
    /// when the same visitor's `link` download of the same asset lies within the window either side of its time (the
    /// batch's earlier rows, in time order, included); a row whose `dedupe_key` is stored already is a repeat.
    static let downloadBatchStatements = [
        """
        CREATE FUNCTION showroom_record_downloads(
            row_assets text[], row_sites text[], row_pages text[], row_ats bigint[], row_visitors text[],
            row_agents text[], row_sources text[], row_keys text[], row_windows bigint[], rollup_slot smallint)
        RETURNS boolean[] LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
            counted boolean[] := array_fill(false, ARRAY[cardinality(row_ats)]);
            i integer;
        BEGIN
            -- Every visitor and asset of the batch, in one order, so that two instances' batches cannot deadlock.
            PERFORM pg_advisory_xact_lock(key) FROM (
                SELECT DISTINCT hashtext(visitor || '|' || asset) AS key
                FROM unnest(row_visitors, row_assets, row_sources) AS k(visitor, asset, source)
                WHERE source = 'link' AND visitor IS NOT NULL
                ORDER BY key) AS keys;
            FOR i IN SELECT o FROM unnest(row_ats) WITH ORDINALITY AS t(at, o) ORDER BY at, o LOOP
                -- `at + 0`: the look-up goes by (visitor, asset), never by `downloads_time` (see the old statement's
                -- note: without fresh statistics the planner walked every recent download).
                INSERT INTO downloads (asset, site, page, at, visitor, agent, source, dedupe_key)
                SELECT row_assets[i], row_sites[i], row_pages[i], row_ats[i], row_visitors[i], row_agents[i],
                       row_sources[i], row_keys[i]
                WHERE row_sources[i] <> 'link' OR row_visitors[i] IS NULL OR NOT EXISTS (
                    SELECT 1 FROM downloads
                    WHERE visitor = row_visitors[i] AND asset = row_assets[i] AND source = 'link'
                      AND at + 0 > row_ats[i] - row_windows[i] AND at + 0 < row_ats[i] + row_windows[i])
                ON CONFLICT (dedupe_key) DO NOTHING;
                counted[i] := FOUND;
            END LOOP;
            INSERT INTO download_rollups (asset, site, source, hour, downloads, last_at, slot)
            SELECT asset, site, source, at / \(HourSpan.hour), COUNT(*), MAX(at), rollup_slot
            FROM unnest(row_assets, row_sites, row_sources, row_ats, counted) AS r(asset, site, source, at, kept)
            WHERE kept GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            ON CONFLICT (asset, site, source, hour, slot) DO UPDATE
                SET downloads = download_rollups.downloads + excluded.downloads,
                    last_at = GREATEST(download_rollups.last_at, excluded.last_at);
            RETURN counted;
        END
        $$
        """,
    ]
}
