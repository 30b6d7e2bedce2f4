import CrosswalkFiles
import CrosswalkModel
import GRDB

/// The store's schema. A migration is never edited once shipped: add a new one.
enum Migrations {
    /// Refuses a database that is not a Crosswalk evidence store (another application's tables)
    /// or was written by a newer Crosswalk (migrations this one does not know), before anything
    /// is written to it.
    static func check(_ queue: some DatabaseWriter, path: String) throws {
        let (tables, applied) = try queue.read { db in
            (
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"),
                try migrator.appliedIdentifiers(db)
            )
        }
        if !tables.isEmpty && !tables.contains("grdb_migrations") {
            throw StoreError.notAStore(path, "an SQLite database with other tables: \(tables.sorted().prefix(5).joined(separator: ", "))")
        }
        let known = Set(migrator.migrations)
        let unknown = applied.subtracting(known)
        guard !unknown.isEmpty else { return }
        if applied.isDisjoint(with: known) {
            throw StoreError.notAStore(path, "another application's SQLite database")
        }
        throw StoreError.newerStore(path, Array(unknown))
    }

    /// Brings the store's schema up to date. Commands started together on a new (or older) store
    /// may all find a migration to apply: GRDB reads what was applied before it takes the write
    /// lock, so all but the first then fail ("table evidence already exists"). A failure after
    /// which another process has applied more migrations is that race: run again, from what is
    /// applied now. A failure with no such progress is a real one.
    static func migrate(_ queue: some DatabaseWriter) throws {
        let migrator = self.migrator
        // Read while another process creates the tables, the list may fail (its table is
        // missing in one look, present in the next): then nothing counts as applied yet.
        func applied() -> Set<String> { (try? queue.read { try migrator.appliedIdentifiers($0) }) ?? [] }
        while true {
            let before = applied()
            do {
                try migrator.migrate(queue)
                return
            } catch {
                let after = applied()
                if after == before { throw error }
            }
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: evidence, files, links, findings, check mappings, imports, audit log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE evidence (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        uid TEXT NOT NULL UNIQUE,
                        kind TEXT NOT NULL,
                        title TEXT NOT NULL,
                        owner TEXT NOT NULL DEFAULT '',
                        source TEXT NOT NULL DEFAULT '',
                        effective_from TEXT NOT NULL,
                        effective_to TEXT,
                        added_at TEXT NOT NULL,
                        expires_at TEXT,
                        status TEXT NOT NULL,
                        notes TEXT NOT NULL DEFAULT '',
                        revision INTEGER NOT NULL DEFAULT 1
                    );
                    CREATE TABLE evidence_revision (
                        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
                        revision INTEGER NOT NULL,
                        changed_at TEXT NOT NULL,
                        changed_by TEXT NOT NULL,
                        snapshot TEXT NOT NULL,
                        PRIMARY KEY (evidence_id, revision)
                    );
                    CREATE TABLE evidence_link (
                        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
                        control_id TEXT,
                        framework TEXT,
                        requirement_id TEXT,
                        CHECK ((control_id IS NOT NULL) <> (framework IS NOT NULL AND requirement_id IS NOT NULL))
                    );
                    CREATE UNIQUE INDEX evidence_link_unique ON evidence_link(evidence_id, ifnull(control_id, ''), ifnull(framework, ''), ifnull(requirement_id, ''));
                    CREATE INDEX evidence_link_control ON evidence_link(control_id);
                    CREATE INDEX evidence_link_requirement ON evidence_link(framework, requirement_id);
                    CREATE TABLE evidence_file (
                        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
                        name TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        stored_path TEXT NOT NULL,
                        added_at TEXT NOT NULL
                    );
                    CREATE TABLE finding (
                        evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id),
                        tool TEXT NOT NULL,
                        check_id TEXT NOT NULL,
                        resource_id TEXT NOT NULL,
                        account TEXT NOT NULL,
                        region TEXT NOT NULL,
                        severity TEXT NOT NULL,
                        result TEXT NOT NULL,
                        observed_at TEXT NOT NULL
                    );
                    CREATE INDEX finding_check ON finding(check_id);
                    CREATE TABLE check_requirement (
                        tool TEXT NOT NULL,
                        check_id TEXT NOT NULL,
                        framework TEXT NOT NULL,
                        requirement_id TEXT NOT NULL,
                        PRIMARY KEY (tool, check_id, framework, requirement_id)
                    ) WITHOUT ROWID;
                    CREATE INDEX check_requirement_requirement ON check_requirement(framework, requirement_id);
                    CREATE TABLE observation (
                        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
                        observed_at TEXT NOT NULL,
                        result TEXT NOT NULL,
                        import_id INTEGER NOT NULL REFERENCES import(id),
                        PRIMARY KEY (evidence_id, observed_at)
                    ) WITHOUT ROWID;
                    CREATE TABLE import (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        file TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        format TEXT NOT NULL,
                        imported_at TEXT NOT NULL,
                        records INTEGER NOT NULL,
                        added INTEGER NOT NULL
                    );
                    CREATE TABLE audit_log (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        prev_hash TEXT NOT NULL,
                        hash TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2: automated findings keyed by a digest of their natural key") { db in
            // v1 stored the natural key itself (`tool|check|account|region|resource`) as the uid.
            let digest = DatabaseFunction("crosswalk_finding_uid", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map { FindingKey.uid(naturalKey: $0) }
            }
            db.add(function: digest)
            defer { db.remove(function: digest) }
            try db.execute(sql: "UPDATE evidence SET uid = crosswalk_finding_uid(uid) WHERE kind = 'automated-finding' AND uid LIKE '%|%'")
        }
        migrator.registerMigration("v3: findings' observation times as instants") { db in
            // Which observation is the latest is decided on instants: the same time written with
            // different offsets sorts differently as text. Times v2 stored that are not times stay
            // NULL, and the next observation replaces them.
            let instant = DatabaseFunction("crosswalk_instant", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).flatMap { Timestamp.microseconds($0) }
            }
            db.add(function: instant)
            defer { db.remove(function: instant) }
            try db.execute(sql: "ALTER TABLE finding ADD COLUMN observed_us INTEGER")
            try db.execute(sql: "UPDATE finding SET observed_us = crosswalk_instant(observed_at)")
        }
        return migrator
    }
}
