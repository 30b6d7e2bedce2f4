import CrosswalkModel
import GRDB

extension EvidenceStore {
    /// One item with its links, files and finding details.
    public func item(_ id: Int64) throws -> EvidenceItem? {
        try read { db in try Self.fetchItem(db, id: id) }
    }

    static func fetchItem(_ db: Database, id: Int64) throws -> EvidenceItem? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM evidence WHERE id = ?", arguments: [id]) else { return nil }
        return try makeItems(db, rows: [row]).first
    }

    /// Items matching a filter, by id.
    public func list(_ filter: EvidenceFilter = EvidenceFilter()) throws -> [EvidenceItem] {
        try read { db in
            var clauses: [String] = []
            var arguments = StatementArguments()
            if let control = filter.control {
                var alternatives = ["e.id IN (SELECT evidence_id FROM evidence_link WHERE control_id = ?)"]
                _ = arguments.append(contentsOf: [control])
                if !filter.controlChecks.isEmpty {
                    alternatives.append(
                        "e.id IN (SELECT evidence_id FROM finding WHERE check_id IN (\(Array(repeating: "?", count: filter.controlChecks.count).joined(separator: ","))))")
                    _ = arguments.append(contentsOf: StatementArguments(filter.controlChecks.sorted()))
                }
                clauses.append("(" + alternatives.joined(separator: " OR ") + ")")
            }
            if let ref = filter.requirement {
                clauses.append(
                    """
                    (e.id IN (SELECT evidence_id FROM evidence_link WHERE framework = ? AND requirement_id = ?)
                     OR e.id IN (SELECT f.evidence_id FROM finding f JOIN check_requirement c
                                 ON c.tool = f.tool AND c.check_id = f.check_id WHERE c.framework = ? AND c.requirement_id = ?))
                    """)
                _ = arguments.append(contentsOf: [ref.framework, ref.id, ref.framework, ref.id])
            }
            if let framework = filter.framework {
                clauses.append(
                    """
                    (e.id IN (SELECT evidence_id FROM evidence_link WHERE framework = ?)
                     OR e.id IN (SELECT f.evidence_id FROM finding f JOIN check_requirement c
                                 ON c.tool = f.tool AND c.check_id = f.check_id WHERE c.framework = ?))
                    """)
                _ = arguments.append(contentsOf: [framework, framework])
            }
            if let status = filter.status {
                clauses.append("e.status = ?")
                _ = arguments.append(contentsOf: [status.rawValue])
            }
            if let date = filter.expiredOn {
                clauses.append("e.expires_at IS NOT NULL AND e.expires_at < ?")
                _ = arguments.append(contentsOf: [date])
            }
            if filter.failing {
                clauses.append("e.id IN (SELECT evidence_id FROM finding WHERE result = 'FAIL')")
            }
            let sql = "SELECT e.* FROM evidence e" + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")) + " ORDER BY e.id"
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            return try Self.makeItems(db, rows: rows)
        }
    }

    /// Items from rows of `evidence`, with their links, files and findings fetched in bulk.
    static func makeItems(_ db: Database, rows: [Row]) throws -> [EvidenceItem] {
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = rows.map { $0["id"] }
        var controls: [Int64: [String]] = [:]
        var requirements: [Int64: [RequirementRef]] = [:]
        var files: [Int64: [EvidenceFile]] = [:]
        var findings: [Int64: FindingDetails] = [:]
        // Chunks keep the statement under SQLite's parameter limit.
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let arguments = StatementArguments(chunk)
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM evidence_link WHERE evidence_id IN (\(marks)) ORDER BY control_id, framework, requirement_id",
                arguments: arguments)
            {
                let id: Int64 = row["evidence_id"]
                if let control: String = row["control_id"] {
                    controls[id, default: []].append(control)
                } else if let framework: String = row["framework"], let requirement: String = row["requirement_id"] {
                    requirements[id, default: []].append(RequirementRef(framework: framework, id: requirement))
                }
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM evidence_file WHERE evidence_id IN (\(marks)) ORDER BY rowid", arguments: arguments)
            {
                files[row["evidence_id"], default: []].append(
                    EvidenceFile(name: row["name"], sha256: row["sha256"], size: row["size"], storedPath: row["stored_path"]))
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT f.evidence_id, c.framework, c.requirement_id FROM finding f
                    JOIN check_requirement c ON c.tool = f.tool AND c.check_id = f.check_id
                    WHERE f.evidence_id IN (\(marks))
                    """, arguments: arguments)
            {
                requirements[row["evidence_id"], default: []].append(RequirementRef(framework: row["framework"], id: row["requirement_id"]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM finding WHERE evidence_id IN (\(marks))", arguments: arguments) {
                findings[row["evidence_id"]] = FindingDetails(
                    tool: row["tool"], checkID: row["check_id"], resourceID: row["resource_id"], account: row["account"],
                    region: row["region"], severity: row["severity"], result: FindingResult(rawValue: row["result"]) ?? .manual,
                    observedAt: row["observed_at"])
            }
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            return EvidenceItem(
                id: id, title: row["title"], kind: EvidenceKind(rawValue: row["kind"]) ?? .document,
                controls: controls[id] ?? [], requirements: (requirements[id] ?? []).sorted(),
                owner: row["owner"], source: row["source"], effectiveFrom: row["effective_from"],
                effectiveTo: row["effective_to"], addedAt: row["added_at"], expiresAt: row["expires_at"],
                status: EvidenceStatus(rawValue: row["status"]) ?? .draft, notes: row["notes"], revision: row["revision"],
                files: files[id] ?? [], finding: findings[id])
        }
    }

    /// How many items the store holds, by kind.
    public func counts() throws -> [String: Int] {
        try read { db in
            var out: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) AS n FROM evidence GROUP BY kind") {
                out[row["kind"]] = row["n"]
            }
            return out
        }
    }
}
