import CrosswalkFiles
import CrosswalkModel
import Foundation
import GRDB

extension EvidenceStore: EvidenceImporting {
    /// Starts an import of automated findings: one transaction, on a connection of its own (so
    /// that readers, and other writers of this process, never see or join half an import; other
    /// writers wait for it as they wait for another process).
    public func beginImport(file: String, format: ImportFormat) throws -> any FindingSink {
        try SQLiteFindingSink(store: self, file: file, format: format)
    }

    /// A second connection to this store, for an import's long transaction.
    func importConnection() throws -> DatabaseQueue {
        var configuration = Self.configuration(busyTimeout: busyTimeout)
        // The import's transaction spans the sink's calls (begin, add…, commit).
        configuration.allowsUnsafeTransactions = true
        return try translating { try DatabaseQueue(path: path, configuration: configuration) }
    }
}

/// An import into the SQLite store in progress, in named steps: ``ImportStatements`` prepared
/// once at the start, ``add(_:)`` per batch (the hot path), ``commit(sha256:requirements:)``
/// at the end. Calls are serialised; the transaction is rolled back unless it is committed.
final class SQLiteFindingSink: FindingSink, @unchecked Sendable {
    private let store: EvidenceStore
    private let connection: DatabaseQueue
    private let lock = NSLock()
    private var statements: ImportStatements?
    private var progress: ImportProgress
    private let importID: Int64
    private let at: String

    init(store: EvidenceStore, file: String, format: ImportFormat) throws {
        self.store = store
        at = store.now
        progress = ImportProgress(summary: ImportSummary(file: file, format: format))
        store.removeStaleIncoming()
        let connection = try store.importConnection()
        let at = at
        var prepared: (Int64, ImportStatements)?
        try store.translating {
            try connection.inDatabase { db in
                // Every reference the import writes is to a row it has just read or inserted in this
                // transaction, so SQLite's own checks (three lookups per finding, a tenth of the
                // storing thread's work) are off for it; `foreign_keys` can change only outside a
                // transaction, and is back on when the sink ends.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                try db.execute(sql: "BEGIN IMMEDIATE TRANSACTION")
                do {
                    try db.execute(
                        sql: "INSERT INTO import (file, sha256, format, imported_at, records, added) VALUES (?, '', ?, ?, 0, 0)",
                        arguments: [file, format.rawValue, at])
                    let id = db.lastInsertedRowID
                    prepared = (id, try ImportStatements(db, source: file, at: at, importID: id))
                } catch {
                    try? db.execute(sql: "ROLLBACK")
                    try? db.execute(sql: "PRAGMA foreign_keys = ON")
                    throw error
                }
            }
        }
        self.connection = connection
        (importID, statements) = (prepared!.0, prepared!.1)
    }

    deinit { end(commit: false) }

    func add(_ findings: [ImportedFinding]) throws {
        try lock.withLock {
            guard let statements else { throw StoreError.importEnded(store.path) }
            do {
                try store.translating {
                    try connection.inDatabase { _ in
                        for finding in findings { try statements.store(finding, into: &progress) }
                    }
                }
            } catch {
                // One failed statement ends the import: nothing of it stays.
                endLocked(commit: false)
                throw error
            }
        }
    }

    func commit(sha256: String, requirements: RequirementResolver) throws -> ImportSummary {
        try lock.withLock {
            guard statements != nil else { throw StoreError.importEnded(store.path) }
            defer { endLocked(commit: false) }
            var summary = progress.summary
            try store.translating {
                try connection.inDatabase { db in
                    // The whole file has been read: its hash decides whether it was imported before.
                    if try Bool.fetchOne(db, sql: "SELECT 1 FROM import WHERE sha256 = ? AND id <> ?", arguments: [sha256, importID]) == true {
                        summary = ImportSummary(file: summary.file, format: summary.format)
                        summary.alreadyImported = true
                        return
                    }
                    try progress.recordCheckRequirements(db, resolver: requirements, into: &summary)
                    try db.execute(
                        sql: "UPDATE import SET sha256 = ?, records = ?, added = ? WHERE id = ?",
                        arguments: [sha256, summary.records, summary.addedItems, importID])
                    try EvidenceStore.appendAudit(
                        db, at: at, actor: store.actor, action: "import", subject: summary.file,
                        detail: "format=\(summary.format.rawValue) sha256=\(sha256) records=\(summary.records) added=\(summary.addedItems) observations=\(summary.newObservations)")
                    // The store must still be the one this import opened: a store folder removed or
                    // replaced meanwhile would take the committed import with it.
                    try store.checkStillInPlace()
                    statements?.finalize()
                    statements = nil
                    try db.execute(sql: "COMMIT")
                    try db.execute(sql: "PRAGMA foreign_keys = ON")
                }
            }
            return summary
        }
    }

    func cancel() { end(commit: false) }

    private func end(commit: Bool) { lock.withLock { endLocked(commit: commit) } }

    /// Rolls back what is still open and releases the statements (the lock is held).
    private func endLocked(commit: Bool) {
        guard let open = statements else { return }
        open.finalize()
        statements = nil
        try? connection.inDatabase { db in
            if !db.isInsideTransaction { return }
            try db.execute(sql: "ROLLBACK")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
    }
}

/// What an import has counted and collected so far.
struct ImportProgress {
    var summary: ImportSummary
    var boundTool = ""
    /// Whether the last finding was in the store already (see `ImportStatements.store`).
    var lastWasInStore = true
    /// A tool maps a check (not each resource) to requirements: kept once per check, and checked
    /// against the catalogues when the whole file has been read.
    var mappedChecks: Set<String> = []
    var checkRequirements: [(tool: String, check: String, requirements: [RequirementRef])] = []

    /// The checks' requirement references that name a known requirement (or one of its Prowler
    /// alternatives), stored; the others counted as unknown.
    func recordCheckRequirements(_ db: Database, resolver: RequirementResolver, into summary: inout ImportSummary) throws {
        let insert = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO check_requirement (tool, check_id, framework, requirement_id) VALUES (?, ?, ?, ?)")
        var unknown: Set<String> = []
        for (tool, check, requirements) in checkRequirements {
            for ref in requirements {
                if let match = resolver.resolve(ref) {
                    try insert.execute(arguments: [tool, check, match.framework, match.id])
                } else {
                    summary.unknownRequirements += 1
                    unknown.insert(ref.description)
                }
            }
        }
        summary.unknownExamples = Array(unknown.sorted().prefix(10))
    }
}

/// The import's statements, prepared once and driven through SQLite's C API (see RawStatement):
/// the hot path of a large import.
final class ImportStatements {
    let selectEvidence: RawStatement
    let insertEvidence: RawStatement
    let insertObservation: RawStatement
    let upsertFinding: RawStatement
    let currentResult: RawStatement
    private let source: String

    init(_ db: Database, source: String, at: String, importID: Int64) throws {
        self.source = source
        selectEvidence = try RawStatement(db, "SELECT id FROM evidence WHERE uid = ?1")
        insertEvidence = try RawStatement(
            db,
            """
            INSERT INTO evidence (uid, kind, title, owner, source, effective_from, added_at, status, notes, revision)
            VALUES (?1, 'automated-finding', ?2, '', ?3, ?4, ?5, 'accepted', '', 1)
            """)
        insertObservation = try RawStatement(
            db, "INSERT INTO observation (evidence_id, observed_at, result, import_id) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
        upsertFinding = try RawStatement(
            db,
            """
            INSERT INTO finding (evidence_id, tool, check_id, resource_id, account, region, severity, result, observed_at, observed_us)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            ON CONFLICT(evidence_id) DO UPDATE SET result = excluded.result, observed_at = excluded.observed_at,
                observed_us = excluded.observed_us, severity = excluded.severity
            WHERE finding.observed_us IS NULL OR excluded.observed_us >= finding.observed_us
            """)
        currentResult = try RawStatement(db, "SELECT result FROM finding WHERE evidence_id = ?1")
        insertEvidence.bind(5, at)
        insertObservation.bind(4, importID)
    }

    func finalize() {
        [selectEvidence, insertEvidence, insertObservation, upsertFinding, currentResult].forEach { $0.finalize() }
    }

    /// Stores one finding: its evidence item (new, or found by uid), the observation, and the
    /// finding's current result when this observation is the latest.
    func store(_ finding: ImportedFinding, into state: inout ImportProgress) throws {
        state.summary.records += 1
        // The importers refuse such a finding where it is in the file; this is for other callers.
        guard let instant = finding.observedInstant else {
            throw StoreError.unusable(
                source, "finding \(state.summary.records) has the observation time '\(finding.observedAt)', which \(Timestamp.expected)")
        }
        if finding.tool != state.boundTool {
            state.boundTool = finding.tool
            insertEvidence.bind(3, "\(finding.tool): \(source)")
            upsertFinding.bind(2, finding.tool)
        }
        let uid = finding.uid
        // A later scan's findings are mostly in the store already (look up first), a first scan's
        // mostly not (insert first: one index search instead of two). The last finding tells which
        // kind of file this is. An INSERT of a uid already there fails on its UNIQUE constraint,
        // which uses up no id (ON CONFLICT DO NOTHING would), so both ways number new items alike.
        var existing: Int64?
        if state.lastWasInStore {
            selectEvidence.bind(1, uid)
            existing = try selectEvidence.int64()
        }
        if existing == nil {
            insertEvidence.bind(1, uid)
            insertEvidence.bind(2, finding.title)
            insertEvidence.bind(4, String(decoding: finding.observedAt.utf8.prefix(10), as: UTF8.self))
            if try !insertEvidence.runUnlessDuplicate() {
                selectEvidence.bind(1, uid)
                existing = try selectEvidence.int64()
            }
        }
        let isNew = existing == nil
        let id = existing ?? insertEvidence.lastInsertedRowID
        if isNew { state.summary.addedItems += 1 }
        state.lastWasInStore = !isNew
        insertObservation.bind(1, id)
        insertObservation.bind(2, finding.observedAt)
        insertObservation.bind(3, finding.result.rawValue)
        var current = finding.result
        if try insertObservation.run() > 0 {
            if !isNew { state.summary.newObservations += 1 }
            upsertFinding.bind(1, id)
            upsertFinding.bind(3, finding.checkID)
            upsertFinding.bind(4, finding.resourceID)
            upsertFinding.bind(5, finding.account)
            upsertFinding.bind(6, finding.region)
            upsertFinding.bind(7, finding.severity)
            upsertFinding.bind(8, finding.result.rawValue)
            upsertFinding.bind(9, finding.observedAt)
            upsertFinding.bind(10, instant)
            if try upsertFinding.run() == 0 {
                // A newer observation is already stored: it decides.
                currentResult.bind(1, id)
                if let stored = try currentResult.text() { current = FindingResult(rawValue: stored) ?? current }
            }
        } else {
            state.summary.unchanged += 1
            currentResult.bind(1, id)
            if let stored = try currentResult.text() { current = FindingResult(rawValue: stored) ?? current }
        }
        state.summary.results[current, default: 0] += 1
        if !finding.requirements.isEmpty, state.mappedChecks.insert(finding.tool + "|" + finding.checkID).inserted {
            state.checkRequirements.append((finding.tool, finding.checkID, finding.requirements))
        }
    }
}

extension EvidenceStore {
    /// Adds manual evidence rows (the generic CSV) in one transaction; a file imported before adds nothing.
    public func importManual(file: String, sha256: String, rows: [NewEvidence]) throws -> ImportSummary {
        var summary = ImportSummary(file: file, format: .csv)
        summary.records = rows.count
        var restored: [String] = []
        let stored = try rows.map { row in try row.files.map { try storeFile(at: $0, restored: &restored) } }
        let at = now
        try inTransaction(.immediate) { db in
            if try String.fetchOne(db, sql: "SELECT imported_at FROM import WHERE sha256 = ?", arguments: [sha256]) != nil {
                summary.alreadyImported = true
                return .rollback
            }
            try db.execute(
                sql: "INSERT INTO import (file, sha256, format, imported_at, records, added) VALUES (?, ?, 'csv', ?, ?, ?)",
                arguments: [file, sha256, at, rows.count, rows.count])
            for (index, row) in rows.enumerated() {
                var new = row
                if new.source.isEmpty { new.source = file }
                let id = try Self.insertManual(db, new, uid: "csv:\(sha256):\(index)", files: stored[index], at: at)
                let item = try Self.fetchItem(db, id: id)!
                try Self.recordRevision(db, item: item, at: at, by: actor)
                summary.addedItems += 1
            }
            try Self.appendAudit(
                db, at: at, actor: actor, action: "import", subject: file, detail: "format=csv sha256=\(sha256) records=\(rows.count)")
            try Self.auditRestored(db, restored, at: at, actor: actor, by: file)
            return .commit
        }
        return summary
    }
}
