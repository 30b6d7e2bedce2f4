/// A report as a sequence of blocks, rendered to Markdown and to self-contained HTML (and, later,
/// to a paginated PDF) from the same content.
public struct ReportDocument: Sendable {
    public typealias Align = DataTable.Align

    public enum Block: Sendable {
        case heading(Int, String, id: String?)
        case paragraph([Inline])
        case table(DataTable)
        case bullets([[Inline]])
        case numbered([String])
    }

    public enum Inline: Sendable {
        case text(String)
        case strong(String)
        case code(String)
    }

    public var title: String
    public var classification: String
    public var blocks: [Block] = []

    public init(title: String, classification: String) {
        self.title = title
        self.classification = classification
    }

    public mutating func heading(_ level: Int, _ text: String, id: String? = nil) { blocks.append(.heading(level, text, id: id)) }
    public mutating func paragraph(_ parts: Inline...) { blocks.append(.paragraph(parts)) }
    /// A table of text cells.
    public mutating func table(_ header: [String], _ rows: [[String]], align: [Align] = []) {
        blocks.append(.table(DataTable(header: header, rows: rows, align: align)))
    }
    public mutating func table(_ table: DataTable) { blocks.append(.table(table)) }
    public mutating func bullets(_ items: [[Inline]]) { blocks.append(.bullets(items)) }
    public mutating func numbered(_ items: [String]) { blocks.append(.numbered(items)) }

    // MARK: - Markdown

    public func markdown() -> String {
        let md = Self.markdownText
        func inline(_ parts: [Inline]) -> String {
            parts.map {
                switch $0 {
                case .text(let t): return md(t)
                case .strong(let t): return "**\(md(t))**"
                case .code(let t): return "`\(t)`"
                }
            }.joined()
        }
        var out = ""
        for block in blocks {
            switch block {
            case .heading(let level, let text, _): out += String(repeating: "#", count: level) + " " + md(text) + "\n\n"
            case .paragraph(let parts): out += inline(parts) + "\n\n"
            case .table(let table): out += table.markdown() + "\n"
            case .bullets(let items):
                for item in items { out += "- " + inline(item) + "\n" }
                out += "\n"
            case .numbered(let items):
                for (i, item) in items.enumerated() { out += "\(i + 1). \(md(item))\n" }
                out += "\n"
            }
        }
        return out
    }

    /// Text put into Markdown with its angle brackets as entities: Markdown passes raw HTML
    /// through, so a title such as `<img src=x onerror=…>` from a catalogue or an evidence file
    /// would otherwise become markup in every viewer that renders the report. (Code spans are
    /// literal in Markdown and keep their text.)
    public static func markdownText(_ s: String) -> String {
        guard s.contains(where: { $0 == "<" || $0 == ">" }) else { return s }
        return s.replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }

    // MARK: - HTML

    static func escape(_ s: String) -> String { XMLText.escape(s) }

    /// One self-contained file: inline CSS, no scripts, no network; readable on screen, printable
    /// (a running classification line, tables that repeat their header across pages).
    public func html() -> String {
        func inline(_ parts: [Inline]) -> String {
            parts.map {
                switch $0 {
                case .text(let t): return Self.escape(t)
                case .strong(let t): return "<strong>\(Self.escape(t))</strong>"
                case .code(let t): return "<code>\(Self.escape(t))</code>"
                }
            }.joined()
        }
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(Self.escape(title))</title>\n<style>\n\(Self.css)</style>\n</head>\n<body>\n"
        out += "<div class=\"classification\">\(Self.escape(classification))</div>\n"
        for block in blocks {
            switch block {
            case .heading(let level, let text, let id):
                let anchor = id.map { " id=\"\(Self.escape($0))\"" } ?? ""
                out += "<h\(level)\(anchor)>\(Self.escape(text))</h\(level)>\n"
            case .paragraph(let parts): out += "<p>\(inline(parts))</p>\n"
            case .table(let table):
                out += "<table>\n"
                // A table whose header is empty (the cover's key/value table) has none.
                if table.hasHeader {
                    out += "<thead><tr>"
                    for (i, h) in table.header.enumerated() {
                        out += "<th\(table.align(i) == .right ? " class=\"num\"" : "")>\(Self.escape(h))</th>"
                    }
                    out += "</tr></thead>\n"
                }
                out += "<tbody>\n"
                for row in table.rows {
                    out += "<tr>"
                    for (i, value) in row.enumerated() {
                        let classes = [table.align(i) == .right ? "num" : nil, value.status.map(Self.statusClass)].compactMap { $0 }
                        out += "<td\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\(Self.escape(value.text))</td>"
                    }
                    out += "</tr>\n"
                }
                out += "</tbody>\n</table>\n"
            case .bullets(let items):
                out += "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
            case .numbered(let items):
                out += "<ol>\n" + items.map { "<li>\(Self.escape($0))</li>\n" }.joined() + "</ol>\n"
            }
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// The colour class of a cell holding a status, by the status's tone.
    static func statusClass(_ status: CellStatus) -> String {
        switch status.tone {
        case .good: return "s-met"
        case .partial: return "s-partial"
        case .bad: return "s-gap"
        case .inherited: return "s-inherited"
        case .neutral: return "s-na"
        }
    }

    static let css = """
        @page { size: A4; margin: 20mm 15mm; @top-center { content: "CONFIDENTIAL"; } @bottom-right { content: counter(page); } }
        body { font: 10.5pt/1.45 -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #1d2330; max-width: 1100px; margin: 2em auto; padding: 0 1.5em; }
        .classification { text-align: center; font-weight: 600; color: #9b1c1c; border-bottom: 1px solid #ddd; padding-bottom: .3em; margin-bottom: 1.5em; }
        h1 { font-size: 1.9em; margin: .2em 0 .1em; } h2 { font-size: 1.35em; margin-top: 1.8em; border-bottom: 2px solid #27406b; padding-bottom: .2em; }
        h3 { font-size: 1.1em; margin-top: 1.3em; }
        table { border-collapse: collapse; width: 100%; margin: .6em 0 1.2em; font-size: .92em; }
        th, td { border: 1px solid #d5d9e0; padding: .3em .5em; vertical-align: top; text-align: left; }
        thead th { background: #27406b; color: #fff; } thead { display: table-header-group; } tr { page-break-inside: avoid; }
        td.num, th.num { text-align: right; } code { font-size: .92em; background: #f1f3f6; padding: 0 .25em; }
        .s-met { background: #dff3e4; } .s-partial { background: #fff1c2; } .s-gap { background: #fbd9d9; } .s-inherited { background: #dde8fb; } .s-na { color: #6b7280; }
        @media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } }

        """
}
