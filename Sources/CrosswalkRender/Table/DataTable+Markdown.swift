extension DataTable {
    /// The table in Markdown: header, separator (`---:` for right-aligned columns) and one line
    /// per row, each cell's angle brackets as entities, `|` escaped and line breaks folded.
    public func markdown() -> String {
        func cell(_ s: String) -> String { ReportDocument.markdownText(s).replacing("|", with: "\\|").replacing("\n", with: " ") }
        var out = "| " + header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + columns.map { $0.align == .right ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for row in rows {
            out += "| " + row.enumerated().map { i, value in
                i < columns.count && columns[i].strong ? "**\(cell(value.text))**" : cell(value.text)
            }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
