import CrosswalkAssess
import CrosswalkRender
import Foundation
import Testing

/// The tabular shape: every format reads the same table, and a cell is coloured by the status it
/// holds, never by what its text says.
@Suite("DataTable")
struct DataTableTests {
    /// A status cell, and a text cell that reads like a status.
    static let table = DataTable(
        columns: [.init("Id"), .init("Note"), .init("Count", align: .right), .init("Status", strong: true)],
        rows: [
            [.text("A.1"), .text("met"), .number(3), .status(.requirement(.met))],
            [.text("A.2"), .text("gap"), .number(12), .status(.checklist(.failing))],
        ])

    @Test("HTML colours the status cells by their value and leaves text that reads like a status alone")
    func htmlColours() {
        var doc = ReportDocument(title: "t", classification: "c")
        doc.table(Self.table)
        let html = doc.html()
        #expect(html.contains("<tr><td>A.1</td><td>met</td><td class=\"num\">3</td><td class=\"s-met\">met</td></tr>"))
        #expect(html.contains("<tr><td>A.2</td><td>gap</td><td class=\"num\">12</td><td class=\"s-gap\">failing</td></tr>"))
        #expect(html.contains("<th class=\"num\">Count</th>"))
    }

    @Test("Typst fills the status cells by their value only")
    func typstFills() {
        var doc = ReportDocument(title: "t", classification: "c")
        doc.table(Self.table)
        let typst = doc.typst(date: "2026-01-02")
        #expect(typst.contains("table.cell(breakable: false, \"met\"), table.cell(breakable: false, align: right, \"3\"), table.cell(breakable: false, fill: rgb(\"#dff3e4\"), \"met\")"))
        #expect(typst.contains("table.cell(breakable: false, fill: rgb(\"#fbd9d9\"), \"failing\")"))
        #expect(!typst.contains("fill: rgb(\"#fbd9d9\"), \"gap\""))
    }

    @Test("Markdown: right-aligned separator, strong columns in bold, pipes escaped")
    func markdown() {
        let md = DataTable(
            columns: [.init("A"), .init("B", align: .right), .init("S", strong: true)],
            rows: [[.text("x | y"), .number(1), .status(.requirement(.gap))]]
        ).markdown()
        #expect(md == "| A | B | S |\n|---|---:|---|\n| x \\| y | 1 | **gap** |\n")
    }

    @Test("CSV: the header and one line per row, as the cells' text")
    func csv() {
        #expect(CSV.table(Self.table) == "Id,Note,Count,Status\r\nA.1,met,3,met\r\nA.2,gap,12,failing\r\n")
    }

    @Test("every status has a tone, and the tones follow the status")
    func tones() {
        #expect(CellStatus.requirement(.met).tone == .good)
        #expect(CellStatus.checklist(.collected).tone == .good)
        #expect(CellStatus.requirement(.partiallyMet).tone == .partial)
        #expect(CellStatus.checklist(.expired).tone == .partial)
        #expect(CellStatus.requirement(.gap).tone == .bad)
        #expect(CellStatus.checklist(.missing).tone == .bad)
        #expect(CellStatus.checklist(.failing).tone == .bad)
        #expect(CellStatus.requirement(.inherited).tone == .inherited)
        #expect(CellStatus.requirement(.notApplicable).tone == .neutral)
        #expect(CellStatus.requirement(.notAssessed).tone == .neutral)
    }
}
