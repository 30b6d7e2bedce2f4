import CrosswalkModel

/// Plain-text views of catalogues for the terminal.
public enum FrameworkText {
    /// The requirement tree, indented, `depth` levels deep (nil: all).
    public static func render(_ framework: Framework, depth: Int? = nil) -> String {
        var out = "\(framework.title)\n"
        var facts = ["id \(framework.id)", framework.kind.rawValue]
        if !framework.version.isEmpty { facts.append("version \(framework.version)") }
        if !framework.publisher.isEmpty { facts.append(framework.publisher) }
        if !framework.published.isEmpty { facts.append("published \(framework.published)") }
        facts.append(counted(framework.requirementCount, "requirement"))
        out += facts.joined(separator: " · ") + "\n"
        if !framework.sourceURL.isEmpty { out += "source: \(framework.sourceURL)\n" }
        out += "\n"
        func walk(_ list: [Requirement], level: Int) {
            for r in list {
                let indent = String(repeating: "  ", count: level - 1)
                var line = "\(indent)\(r.id)  \(r.title)"
                var tags: [String] = []
                if !r.kind.isGrouping { tags.append(r.kind.rawValue) }
                if let implementation = r.attribute("implementation") { tags.append(implementation) }
                if r.attribute("status") == "withdrawn" { tags.append("withdrawn") }
                if !tags.isEmpty { line += "  [\(tags.joined(separator: ", "))]" }
                out += line + "\n"
                if depth.map({ level < $0 }) ?? true { walk(r.children, level: level + 1) }
            }
        }
        walk(framework.requirements, level: 1)
        return out
    }

    /// A table of frameworks: id, kind, requirement count, version and title.
    public static func renderList(_ frameworks: [Framework]) -> String {
        let header = ["ID", "KIND", "REQUIREMENTS", "VERSION", "TITLE"]
        let rows = frameworks.map {
            [$0.id, $0.kind.rawValue, String($0.requirementCount), clip($0.version, 32), clip($0.title, 80)]
        }
        return Table.render(header: header, rows: rows, rightAligned: [2])
    }
}

/// The text cut to `limit` characters with an ellipsis.
func clip(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
}

/// A plain text table with columns padded to their widest cell; the last column is not padded.
public enum Table {
    public static func render(header: [String]?, rows: [[String]], rightAligned: Set<Int> = [], indent: String = "") -> String {
        let all = (header.map { [$0] } ?? []) + rows
        guard let columns = all.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in all { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for row in all {
            var cells: [String] = []
            for (i, cell) in row.enumerated() {
                let last = i == row.count - 1
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                cells.append(rightAligned.contains(i) ? pad + cell : (last ? cell : cell + pad))
            }
            out += indent + cells.joined(separator: "  ") + "\n"
        }
        return out
    }
}
