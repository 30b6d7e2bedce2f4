import CrosswalkAssess
import CrosswalkModel

/// The ISO/IEC 27001 Statement of Applicability: every Annex A control with whether it applies,
/// the justification for including or excluding it, its implementation status, and the customer
/// controls and evidence that implement it — drawn from an assessment of the framework.
public struct StatementOfApplicability: Sendable {
    public struct Row: Sendable, Hashable {
        public var id: String
        public var title: String
        public var applicable: Bool
        public var justification: String
        public var status: RequirementStatus
        public var controls: [String]
        public var evidence: [String]
    }

    public var assessment: Assessment
    public var rows: [Row]

    public init(_ assessment: Assessment, index: MappingIndex) {
        self.assessment = assessment
        // The rows are the framework's requirements of kind `control` (ISO/IEC 27001's Annex A):
        // which requirements a Statement of Applicability lists is the catalogue's to say.
        rows = assessment.requirements.filter { $0.kind == .control }.map { r in
            let applicable = r.status != .notApplicable
            let justification: String
            if !applicable {
                justification = r.reasons.first?.text ?? "Excluded in the scope."
            } else if r.status == .inherited {
                justification = "Included: carried by AWS for the AWS infrastructure (\(r.reasons.first?.text ?? "AWS attestation"))."
            } else {
                let ref = RequirementRef(framework: assessment.framework.id, id: r.id)
                let why = index.responsibility(for: ref)?.entry.rationale ?? ""
                justification = "Included: \(r.responsibility?.rawValue ?? "customer") responsibility. \(why)"
            }
            return Row(
                id: r.id, title: r.title, applicable: applicable, justification: justification, status: r.status,
                controls: r.controls, evidence: r.evidence)
        }
    }

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
            ["Annex A controls", "\(rows.count): \(rows.filter(\.applicable).count) applicable, \(rows.filter { !$0.applicable }.count) excluded"],
        ])
        doc.heading(2, "1. Annex A controls")
        doc.table(table)
        return doc
    }

    public func markdown() -> String { document().markdown() }
}
