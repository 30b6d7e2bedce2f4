import CrosswalkAssess
import CrosswalkModel
import Foundation
import ZIPFoundation

/// Writes the evidence checklist as an Office Open XML workbook (SpreadsheetML) built from its
/// parts and zipped in memory: a summary sheet, one sheet per framework and the AWS-inherited
/// requirements; header rows frozen, autofilter on, column widths set, states coloured. Same
/// checklist, same bytes (entries carry a fixed date).
public enum XLSXWriter {
    /// One worksheet: its name and its table (widths from the table's columns; cells holding a
    /// status filled by their status).
    public struct Sheet: Sendable {
        public var name: String
        public var table: DataTable
        public init(name: String, table: DataTable) {
            self.name = name
            self.table = table
        }
    }

    /// Style ids in styles.xml: 0 normal, 1 header, 2 green, 3 red, 4 amber, 5 dark red (white bold text).
    static func style(_ status: CellStatus) -> Int {
        switch status {
        case .checklist(.collected), .requirement(.met), .requirement(.inherited): return 2
        case .checklist(.missing), .requirement(.gap): return 3
        case .checklist(.expired), .requirement(.partiallyMet): return 4
        case .checklist(.failing): return 5
        case .requirement(.notApplicable), .requirement(.notAssessed): return 0
        }
    }

    /// One sheet holding one table (the Statement of Applicability).
    public static func workbook(sheet name: String, table: DataTable) throws -> Data {
        try zip([Sheet(name: name, table: table)])
    }

    /// The checklist: a summary sheet, one sheet per framework, the AWS-inherited requirements.
    public static func workbook(_ checklist: Checklist) throws -> Data {
        try zip(
            [Sheet(name: "Summary", table: ChecklistRender.summaryTable(checklist))]
                + checklist.frameworks.map { Sheet(name: String($0.prefix(31)), table: ChecklistRender.frameworkTable(checklist, framework: $0)) }
                + [
                    Sheet(
                        name: "AWS inherited",
                        table: ChecklistRender.inheritedTable(
                            checklist, titles: ["Requirement", "Title", "Attestation to download (AWS Artifact)", "Rationale"],
                            widths: [26, 44, 50, 80]))
                ])
    }

    static func zip(_ sheets: [Sheet]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let fixedDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the ZIP epoch
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        try add("[Content_Types].xml", contentTypes(sheets.count))
        try add("_rels/.rels", rootRels)
        try add("xl/workbook.xml", workbookXML(sheets))
        try add("xl/_rels/workbook.xml.rels", workbookRels(sheets.count))
        try add("xl/styles.xml", styles)
        for (i, sheet) in sheets.enumerated() { try add("xl/worksheets/sheet\(i + 1).xml", sheetXML(sheet)) }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static func escape(_ s: String) -> String { XMLText.escape(s) }

    /// `A`, `B`, … `Z`, `AA`…
    static func column(_ index: Int) -> String {
        var n = index + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    static func sheetXML(_ sheet: Sheet) -> String {
        let table = sheet.table
        let lastColumn = column(max(0, table.columns.count - 1))
        let lastRow = table.rows.count + 1
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        out += "<dimension ref=\"A1:\(lastColumn)\(lastRow)\"/>"
        out += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        out += "<cols>"
        for (i, c) in table.columns.enumerated() {
            if let width = c.width { out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\"/>" }
        }
        out += "</cols><sheetData>"
        func row(_ number: Int, _ values: [String], style: (Int) -> Int) -> String {
            var r = "<row r=\"\(number)\">"
            for (i, value) in values.enumerated() {
                let s = style(i)
                r += "<c r=\"\(column(i))\(number)\" t=\"inlineStr\"\(s == 0 ? "" : " s=\"\(s)\"")><is><t xml:space=\"preserve\">\(escape(value))</t></is></c>"
            }
            return r + "</row>"
        }
        out += row(1, table.header) { _ in 1 }
        for (n, cells) in table.rows.enumerated() {
            out += row(n + 2, cells.map(\.text)) { i in cells[i].status.map(Self.style) ?? 0 }
        }
        out += "</sheetData>"
        out += "<autoFilter ref=\"A1:\(lastColumn)\(lastRow)\"/>"
        out += "</worksheet>"
        return out
    }

    static func contentTypes(_ count: Int) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        out += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        out += #"<Default Extension="xml" ContentType="application/xml"/>"#
        out += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        out += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for i in 1...count {
            out += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return out + "</Types>"
    }

    static let rootRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbookXML(_ sheets: [Sheet]) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (i, sheet) in sheets.enumerated() {
            out += "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        out += "</sheets><definedNames>"
        for (i, sheet) in sheets.enumerated() {
            let ref = "'\(sheet.name.replacing("'", with: "''"))'!$A$1:$\(column(max(0, sheet.table.columns.count - 1)))$\(sheet.table.rows.count + 1)"
            out += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">\(escape(ref))</definedName>"
        }
        return out + "</definedNames></workbook>"
    }

    static func workbookRels(_ count: Int) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in 1...count {
            out += "<Relationship Id=\"rId\(i)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return out + "</Relationships>"
    }

    /// Fonts: normal, bold. Fills: none, gray125 (required), header grey, green, red, amber, dark red.
    static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="7"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        + #"<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/></patternFill></fill>"#
        + #"<fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/></patternFill></fill>"#
        + #"<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/></patternFill></fill>"#
        + #"<fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/></patternFill></fill>"#
        + #"<fill><patternFill patternType="solid"><fgColor rgb="FFC00000"/></patternFill></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>"#
        + #"<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1"/>"#
        + #"<xf numFmtId="0" fontId="0" fillId="4" borderId="0" xfId="0" applyFill="1"/>"#
        + #"<xf numFmtId="0" fontId="0" fillId="5" borderId="0" xfId="0" applyFill="1"/>"#
        + #"<xf numFmtId="0" fontId="2" fillId="6" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}
