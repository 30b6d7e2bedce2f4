extension ReportDocument {
    /// Typst source for a paginated PDF: running header with the classification and the title,
    /// "Page X of Y" in the footer, a table of contents with page numbers, tables whose header rows
    /// repeat on every page and whose rows do not break. Text goes in as Typst strings, so nothing
    /// in it is read as markup. `date` (YYYY-MM-DD) fixes the document's date: same input, same PDF.
    public func typst(date: String) -> String {
        // Typst strings have no tab escape: a tab stays a tab.
        func str(_ s: String) -> String { QuotedString.quote(s, escapingTabs: false) }
        func inline(_ parts: [Inline]) -> String {
            parts.map {
                switch $0 {
                case .text(let t): return "#text(\(str(t)))"
                case .strong(let t): return "#strong(\(str(t)))"
                case .code(let t): return "#raw(\(str(t)))"
                }
            }.joined()
        }
        let ymd = date.split(separator: "-").compactMap { Int($0) }
        var out = ""
        if ymd.count == 3 {
            out += "#set document(title: \(str(title)), date: datetime(year: \(ymd[0]), month: \(ymd[1]), day: \(ymd[2])))\n"
        } else {
            out += "#set document(title: \(str(title)), date: none)\n"
        }
        out += """
            #set page(paper: "a4", margin: (x: 15mm, top: 22mm, bottom: 20mm),
              header: context [#set text(size: 7.5pt, fill: rgb("#9b1c1c")); #strong(\(str(classification))) #h(1fr) #text(fill: rgb("#555555"), \(str(String(title.prefix(90)))))],
              footer: context [#set text(size: 7.5pt); #h(1fr) Page #counter(page).display() of #counter(page).final().first()])
            #set text(size: 9pt, lang: "en")
            #set par(justify: false)
            #show heading.where(level: 1): set text(size: 17pt)
            #show heading.where(level: 2): it => block(above: 14pt, below: 8pt)[#set text(size: 12.5pt, fill: rgb("#27406b")); #it]
            #show heading.where(level: 3): set text(size: 10pt)
            #set table(stroke: 0.4pt + rgb("#c8ccd4"), inset: 4pt)

            """
        var skippingContents = false
        for block in blocks {
            switch block {
            case .heading(let level, let text, _):
                if text == "Contents" {
                    out += "#outline(title: \(str("Contents")), depth: 2)\n#pagebreak()\n"
                    skippingContents = true
                    continue
                }
                skippingContents = false
                // The numbered sections go into the table of contents; the cover's headings do not.
                let outlined = level == 2 && text.first?.isNumber == true
                out += "#heading(level: \(level), outlined: \(outlined), \(str(text)))\n"
            case .paragraph(let parts): out += inline(parts) + "\n\n"
            case .table(let table):
                // Column widths in proportion to their longest text (capped), so wide prose gets room.
                // (Bar glyphs count double; a header needs a little more room than its letters.)
                func width(_ s: String) -> Int { s.reduce(0) { $0 + ($1 == "█" || $1 == "░" ? 2 : 1) } }
                let columns = table.header.indices.map { i -> String in
                    let longest = table.rows.map { i < $0.count ? width($0[i].text) : 0 }.max() ?? 1
                    return "\(max(4, table.header[i].count + 3, min(longest, 48)))fr"
                }.joined(separator: ", ")
                out += "#table(columns: (\(columns)),\n"
                if table.hasHeader {
                    // Header words hyphenate: a long one (Responsibility) in a narrow column would
                    // otherwise run into the next column's.
                    out += "  table.header(" + table.header.map { "table.cell(fill: rgb(\"#27406b\"))[#text(fill: white, weight: \"bold\", size: 7.5pt, hyphenate: true, \(str($0)))]" }.joined(separator: ", ") + "),\n"
                }
                for row in table.rows {
                    out += "  " + row.enumerated().map { i, value -> String in
                        var options = ["breakable: false"]
                        if let fill = value.status.flatMap(Self.typstFill) { options.append("fill: rgb(\"\(fill)\")") }
                        if table.align(i) == .right { options.append("align: right") }
                        return "table.cell(\(options.joined(separator: ", ")), \(str(value.text)))"
                    }.joined(separator: ", ") + ",\n"
                }
                out += ")\n"
            case .bullets(let items):
                for item in items { out += "- " + inline(item) + "\n" }
                out += "\n"
            case .numbered(let items):
                if skippingContents { continue }
                for item in items { out += "+ #text(\(str(item)))\n" }
                out += "\n"
            }
        }
        return out
    }

    /// The fill of a cell holding a status, by the status's tone (none for statuses not counted).
    static func typstFill(_ status: CellStatus) -> String? {
        switch status.tone {
        case .good: return "#dff3e4"
        case .partial: return "#fff1c2"
        case .bad: return "#fbd9d9"
        case .inherited: return "#dde8fb"
        case .neutral: return nil
        }
    }
}
