import CrosswalkModel
import GRDB

extension EvidenceStore {
    /// The evidence an assessment needs, aggregated in SQL as of a date: the same result as
    /// `EvidenceSummary(items: list(), asOf:)`, at a cost linear in the evidence and in memory that
    /// does not grow with it (lists are capped; counts are exact).
    public func summary(asOf: String) throws -> EvidenceSummary {
        let limit = EvidenceSummary.listLimit
        return try read { db in
            var summary = EvidenceSummary()
            let state = """
                CASE WHEN e.effective_from <= :asOf AND (e.expires_at IS NULL OR e.expires_at >= :asOf)
                     THEN CASE e.status WHEN 'accepted' THEN 'valid' WHEN 'rejected' THEN 'rejected' ELSE 'unaccepted' END
                     ELSE 'expired' END
                """
            let manual = "e.kind <> 'automated-finding'"
            // One pass over the control links, aggregated here (a window query sorts; this does not).
            let links = try Row.fetchCursor(
                db,
                sql: """
                    SELECT l.control_id, e.id, \(state) AS state, e.expires_at
                    FROM evidence_link l JOIN evidence e ON e.id = l.evidence_id
                    WHERE l.control_id IS NOT NULL AND \(manual)
                    """, arguments: ["asOf": asOf])
            while let row = try links.next() {
                let control: String = row[0]
                let id: Int64 = row[1]
                var e = summary.controls[control] ?? EvidenceSummary.ControlEvidence()
                switch row[2] as String {
                case "valid":
                    e.validCount += 1
                    Self.keepSmallest(&e.valid, id, limit)
                case "unaccepted":
                    e.unacceptedCount += 1
                    Self.keepSmallest(&e.unaccepted, id, limit)
                case "expired":
                    e.expiredCount += 1
                    if let expiry: String = row[3] { e.latestExpiry = max(e.latestExpiry ?? expiry, expiry) }
                default: break
                }
                summary.controls[control] = e
            }
            // One pass over the findings: counts, the first passing items, the first failing resources.
            let findings = try Row.fetchCursor(db, sql: "SELECT check_id, result, evidence_id, resource_id FROM finding")
            while let row = try findings.next() {
                let check: String = row[0]
                var r = summary.checks[check] ?? EvidenceSummary.CheckResults()
                switch row[1] as String {
                case "PASS":
                    r.passing += 1
                    Self.keepSmallest(&r.passingIDs, row[2] as Int64, limit)
                case "FAIL":
                    r.failing += 1
                    Self.keepSmallest(&r.failingResources, row[3] as String, limit)
                default: break
                }
                summary.checks[check] = r
            }
            // Accepted, current manual evidence linked to requirements.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT framework, requirement_id, id FROM (
                        SELECT l.framework, l.requirement_id, e.id AS id,
                               row_number() OVER (PARTITION BY l.framework, l.requirement_id ORDER BY e.id) AS rn
                        FROM evidence_link l JOIN evidence e ON e.id = l.evidence_id
                        WHERE l.framework IS NOT NULL AND \(manual) AND \(state) = 'valid')
                    WHERE rn <= \(limit) ORDER BY framework, requirement_id, id
                    """, arguments: ["asOf": asOf])
            {
                summary.requirements[RequirementRef(framework: row["framework"], id: row["requirement_id"]), default: []].append(row["id"])
            }
            return summary
        }
    }

    /// Keeps the `limit` smallest values seen, in order (insertion into a short sorted list).
    static func keepSmallest<T: Comparable>(_ list: inout [T], _ value: T, _ limit: Int) {
        if list.count == limit, let last = list.last, value >= last { return }
        let at = list.firstIndex { $0 > value } ?? list.count
        list.insert(value, at: at)
        if list.count > limit { list.removeLast() }
    }

    /// The items with these ids (for a report's evidence index).
    public func items(_ ids: [Int64]) throws -> [EvidenceItem] {
        try read { db in
            var rows: [Row] = []
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                rows += try Row.fetchAll(db, sql: "SELECT * FROM evidence WHERE id IN (\(marks)) ORDER BY id", arguments: StatementArguments(chunk))
            }
            return try Self.makeItems(db, rows: rows)
        }
    }
}
