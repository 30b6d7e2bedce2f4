import CrosswalkAssess
import CrosswalkModel

/// The Statement of Applicability as a table (CSV, XLSX) and a document (Markdown, HTML, Typst);
/// which controls apply and why is decided in Assess (`StatementOfApplicability`).
extension StatementOfApplicability {
    /// The Annex A table every format shows: CSV, XLSX (with these widths) and the document.
    public var table: DataTable {
        DataTable(
            columns: [
                .init("Control", width: 9), .init("Title", width: 44), .init("Applicable", width: 11), .init("Justification", width: 70),
                .init("Implementation status", width: 20), .init("Customer controls", width: 30), .init("Evidence", width: 24),
            ],
            rows: rows.map { row in
                [
                    .text(row.id), .text(row.title), .text(row.applicable ? "yes" : "no"), .text(row.justification),
                    .status(.requirement(row.status)), .text(row.controls.joined(separator: " ")), .text(row.evidence.joined(separator: " ")),
                ]
            })
    }

    public func csv() -> String { CSV.table(table) }

    public func document() -> ReportDocument {
        let a = assessment
        var doc = ReportDocument(title: "Statement of Applicability — \(a.framework.title) — \(a.scope.organisation)", classification: "CONFIDENTIAL")
        doc.heading(1, "Statement of Applicability")
        doc.heading(2, "\(a.scope.organisation) — \(a.framework.title)")
        doc.table(["", ""], [
            ["Organisation", a.scope.organisation], ["Standard", "\(a.framework.title) (\(a.framework.version))"],
            ["Period", "\(a.scope.periodStart) to \(a.scope.periodEnd)"], ["As of", a.asOf],
            ["Annex A controls", "\(rows.count): \(applicableCount) applicable, \(excludedCount) excluded"],
        ])
        doc.heading(2, "1. Annex A controls")
        doc.table(table)
        return doc
    }

    public func markdown() -> String { document().markdown() }
}
