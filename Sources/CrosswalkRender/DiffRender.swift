import CrosswalkAssess
import CrosswalkModel

/// `crosswalk diff`: framework coverage, version diff and the coverage matrix as text, JSON and CSV.
public enum DiffRender {
    /// Evidence ids already in the store for the related requirements of each row, by B's id.
    public typealias Reuse = [String: [String]]

    public static func text(_ diff: FrameworkDiff, reuse: Reuse = [:]) -> String {
        var out = "What \(diff.to) needs, and how much of it a programme for \(diff.from) covers\(diff.directOnly ? " (direct crosswalk links only)" : ""):\n"
        out += summaryLine(diff) + "\n\n"
        let rows = diff.rows.map { row -> [String] in
            var how = row.related.prefix(4).map { "\($0.requirement.id) (\($0.relationship.rawValue))" }.joined(separator: ", ")
            if row.related.count > 4 { how += " +\(row.related.count - 4)" }
            if row.inferred { how += " — inferred via \(row.controls.prefix(3).joined(separator: ", "))" }
            if let via = row.viaParent { how += " — as \(via)" }
            if let evidence = reuse[row.id], !evidence.isEmpty { how += " — evidence \(evidence.prefix(3).joined(separator: ", "))" }
            return [row.id, row.state.rawValue, clip(row.title, 50), how]
        }
        out += Table.render(header: ["ID", "STATE", "TITLE", "\(diff.from.uppercased()) REQUIREMENTS"], rows: rows)
        return out
    }

    static func summaryLine(_ diff: FrameworkDiff) -> String {
        let total = diff.rows.count
        return FrameworkDiff.State.allCases.map { "\($0.rawValue) \(diff.counts[$0] ?? 0) (\(diff.percent($0))%)" }
            .joined(separator: ", ") + " of " + counted(total, "requirement")
    }

    public static func json(_ diff: FrameworkDiff, reuse: Reuse = [:]) -> String {
        SortedJSONEncoder.string(FrameworkDiffReport(diff, reuse: reuse))
    }

    public static func csv(_ diff: FrameworkDiff, reuse: Reuse = [:]) -> String {
        CSV.table(
            DataTable(
                header: ["id", "title", "state", "related_ids", "inferred", "controls", "via_parent", "evidence"],
                rows: diff.rows.map { row in
                    [
                        row.id, row.title, row.state.rawValue, row.relatedIDs.joined(separator: " "), row.inferred ? "true" : "false",
                        row.controls.joined(separator: " "), row.viaParent ?? "", (reuse[row.id] ?? []).joined(separator: " "),
                    ]
                }))
    }

    // MARK: - Version diff

    public static func text(_ diff: VersionDiff) -> String {
        var counts: [VersionDiff.Fate: Int] = [:]
        for row in diff.rows { counts[row.fate, default: 0] += 1 }
        var out = "\(diff.from) → \(diff.to): \(counted(diff.rows.count, "requirement")): "
        out += VersionDiff.Fate.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
        out += "; \(diff.new.count) new in \(diff.to)\n\n"
        out += Table.render(
            header: ["ID", "FATE", "BECOMES", "TITLE"],
            rows: diff.rows.map { [$0.id, $0.fate.rawValue, $0.targets.joined(separator: ", "), clip($0.title, 60)] })
        out += "\nNew in \(diff.to):\n"
        out += Table.render(header: nil, rows: diff.new.map { [$0.id, $0.title] }, indent: "  ")
        return out
    }

    public static func json(_ diff: VersionDiff) -> String {
        SortedJSONEncoder.string(VersionDiffReport(diff))
    }

    public static func csv(_ diff: VersionDiff) -> String {
        CSV.table(
            DataTable(
                header: ["id", "title", "fate", "targets", "note"],
                rows: diff.rows.map { [$0.id, $0.title, $0.fate.rawValue, $0.targets.joined(separator: " "), $0.note] }
                    + diff.new.map { [$0.id, $0.title, "new", "", ""] }))
    }

    // MARK: - Matrix

    /// Rows: the framework a company already meets; columns: the one it wants; cells: covered% (+partial%).
    public static func text(_ matrix: CoverageMatrix) -> String {
        var out = "Share of the column framework's requirements covered by the row framework (covered + partial):\n\n"
        let rows = matrix.frameworks.map { a in
            [a] + matrix.frameworks.map { b -> String in
                guard let cell = matrix.cells[a]?[b] else { return "—" }
                return "\(cell.covered)% +\(cell.partial)%"
            }
        }
        out += Table.render(header: ["FROM \\ TO"] + matrix.frameworks, rows: rows)
        return out
    }

    public static func csv(_ matrix: CoverageMatrix) -> String {
        CSV.table(
            DataTable(
                header: ["from", "to", "covered_percent", "partial_percent"],
                rows: matrix.frameworks.flatMap { a in
                    matrix.frameworks.compactMap { b -> [String]? in
                        guard a != b, let cell = matrix.cells[a]?[b] else { return nil }
                        return [a, b, "\(cell.covered)", "\(cell.partial)"]
                    }
                }))
    }

    public static func json(_ matrix: CoverageMatrix) -> String {
        SortedJSONEncoder.string(CoverageMatrixReport(matrix))
    }
}
