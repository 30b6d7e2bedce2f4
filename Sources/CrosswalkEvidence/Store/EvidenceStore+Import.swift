import CrosswalkModel
import Foundation
import GRDB

/// What an import did.
public struct ImportSummary: Sendable, Hashable {
    public var file: String
    public var format: ImportFormat
    /// Records read from the file.
    public var records = 0
    /// New evidence items (a check on a resource not seen before, or a manual row).
    public var addedItems = 0
    /// New observations of findings already in the store.
    public var newObservations = 0
    /// Records already in the store (same finding, same time).
    public var unchanged = 0
    /// Requirement references of the file's checks that name no shipped requirement (left out;
    /// counted once per check).
    public var unknownRequirements = 0
    /// The distinct unknown references (sorted, at most ten), to show the user.
    public var unknownExamples: [String] = []
    /// True when this exact file was imported before: nothing was added.
    public var alreadyImported = false
    /// The file's records by the current (latest) result of their finding after the import.
    public var results: [FindingResult: Int] = [:]
}

extension EvidenceStore {
    /// Imports automated findings in one transaction: all or nothing. The same check on the same
    /// resource is one evidence item; each scan adds an observation; the latest observation decides
    /// the item's current result. Importing a file again (same SHA-256) adds nothing.
    ///
    /// - Parameters:
    ///   - sha256: the file's SHA-256, asked for after `produce` has read the whole file (so a
    ///     streaming reader can hash while it reads).
    ///   - produce: reads the file, calling its argument once per finding (streaming).
    ///   - knownRequirements: the requirements of the shipped catalogues (nil: keep every
    ///     reference); asked for once, after `produce` (so they may still be loading meanwhile).
    ///   - progress: called with the number of records read so far, every 10,000.
    public func importFindings(
        file: String, sha256: () -> String, format: ImportFormat,
        produce: ((ImportedFinding) throws -> Void) throws -> Void,
        knownRequirements: () -> Set<RequirementRef>? = { nil },
        progress: ((Int) -> Void)? = nil
    ) throws -> ImportSummary {
        var summary = ImportSummary(file: file, format: format)
        let at = now
        removeStaleIncoming()
        /// The import itself: one transaction.
        func storeFindings(_ db: Database) throws {
            try db.inTransaction(.immediate) {
                try db.execute(
                    sql: "INSERT INTO import (file, sha256, format, imported_at, records, added) VALUES (?, '', ?, ?, 0, 0)",
                    arguments: [file, format.rawValue, at])
                let importID = db.lastInsertedRowID
                // The hot path: prepared once, driven through SQLite's C API (see RawStatement).
                let selectEvidence = try RawStatement(db, "SELECT id FROM evidence WHERE uid = ?1")
                let insertEvidence = try RawStatement(
                    db,
                    """
                    INSERT INTO evidence (uid, kind, title, owner, source, effective_from, added_at, status, notes, revision)
                    VALUES (?1, 'automated-finding', ?2, '', ?3, ?4, ?5, 'accepted', '', 1)
                    """)
                let insertObservation = try RawStatement(
                    db, "INSERT INTO observation (evidence_id, observed_at, result, import_id) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                let upsertFinding = try RawStatement(
                    db,
                    """
                    INSERT INTO finding (evidence_id, tool, check_id, resource_id, account, region, severity, result, observed_at, observed_us)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                    ON CONFLICT(evidence_id) DO UPDATE SET result = excluded.result, observed_at = excluded.observed_at,
                        observed_us = excluded.observed_us, severity = excluded.severity
                    WHERE finding.observed_us IS NULL OR excluded.observed_us >= finding.observed_us
                    """)
                let currentResult = try RawStatement(db, "SELECT result FROM finding WHERE evidence_id = ?1")
                let statements = [selectEvidence, insertEvidence, insertObservation, upsertFinding, currentResult]
                defer { statements.forEach { $0.finalize() } }
                insertEvidence.bind(5, at)
                insertObservation.bind(4, importID)
                var boundTool = ""
                var lastWasInStore = true
                // A tool maps a check (not each resource) to requirements: kept once per check, and
                // checked against the catalogues when the whole file has been read.
                var mappedChecks: Set<String> = []
                var checkRequirements: [(tool: String, check: String, requirements: [RequirementRef])] = []
                try produce { finding in
                    summary.records += 1
                    // The importers refuse such a finding where it is in the file; this is for other callers.
                    guard let instant = finding.observedInstant else {
                        throw ImportError(
                            file: file, line: 0, record: summary.records, message: "observation time '\(finding.observedAt)' \(Timestamp.expected)")
                    }
                    if let progress, summary.records % 10_000 == 0 { progress(summary.records) }
                    if finding.tool != boundTool {
                        boundTool = finding.tool
                        insertEvidence.bind(3, "\(finding.tool): \(file)")
                        upsertFinding.bind(2, finding.tool)
                    }
                    let uid = finding.uid
                    // A later scan's findings are mostly in the store already (look up first), a
                    // first scan's mostly not (insert first: one index search instead of two). The
                    // last finding tells which kind of file this is. An INSERT of a uid already
                    // there fails on its UNIQUE constraint, which uses up no id (ON CONFLICT DO
                    // NOTHING would), so both ways number new items alike.
                    var existing: Int64?
                    if lastWasInStore {
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
                    if isNew { summary.addedItems += 1 }
                    lastWasInStore = !isNew
                    insertObservation.bind(1, id)
                    insertObservation.bind(2, finding.observedAt)
                    insertObservation.bind(3, finding.result.rawValue)
                    var current = finding.result
                    if try insertObservation.run() > 0 {
                        if !isNew { summary.newObservations += 1 }
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
                        summary.unchanged += 1
                        currentResult.bind(1, id)
                        if let stored = try currentResult.text() { current = FindingResult(rawValue: stored) ?? current }
                    }
                    summary.results[current, default: 0] += 1
                    if !finding.requirements.isEmpty, mappedChecks.insert(finding.tool + "|" + finding.checkID).inserted {
                        checkRequirements.append((finding.tool, finding.checkID, finding.requirements))
                    }
                }
                let insertCheckRequirement = try db.cachedStatement(
                    sql: "INSERT OR IGNORE INTO check_requirement (tool, check_id, framework, requirement_id) VALUES (?, ?, ?, ?)")
                let known = knownRequirements()
                var unknown: Set<String> = []
                for (tool, check, requirements) in checkRequirements {
                    for ref in requirements {
                        let candidates = [ref] + ProwlerCompliance.alternatives(framework: ref.framework, id: ref.id)
                            .map { RequirementRef(framework: ref.framework, id: $0) }
                        if let match = candidates.first(where: { known?.contains($0) ?? true }) {
                            try insertCheckRequirement.execute(arguments: [tool, check, match.framework, match.id])
                        } else {
                            summary.unknownRequirements += 1
                            unknown.insert(ref.description)
                        }
                    }
                }
                // The whole file has been read: its hash decides whether it was imported before.
                let digest = sha256()
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM import WHERE sha256 = ? AND id <> ?", arguments: [digest, importID]) == true {
                    // This exact file was imported before: undo everything this run did.
                    summary = ImportSummary(file: file, format: format)
                    summary.alreadyImported = true
                    return .rollback
                }
                summary.unknownExamples = Array(unknown.sorted().prefix(10))
                try db.execute(
                    sql: "UPDATE import SET sha256 = ?, records = ?, added = ? WHERE id = ?",
                    arguments: [digest, summary.records, summary.addedItems, importID])
                try Self.appendAudit(
                    db, at: at, actor: actor, action: "import", subject: file,
                    detail: "format=\(format.rawValue) sha256=\(digest) records=\(summary.records) added=\(summary.addedItems) observations=\(summary.newObservations)")
                return .commit
            }
        }

        try inDatabase { db in
            // Every reference the import writes is to a row it has just read or inserted in this
            // transaction, so SQLite's own checks (three lookups per finding, a tenth of the storing
            // thread's work) are off for it; `foreign_keys` can change only outside a transaction.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            let stored = Result { try storeFindings(db) }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            try stored.get()
        }
        return summary
    }

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
