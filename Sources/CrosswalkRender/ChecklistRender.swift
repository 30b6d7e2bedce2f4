import CrosswalkAssess
import CrosswalkModel

/// `crosswalk checklist` as CSV, Markdown and JSON (XLSX: `XLSXWriter`).
public enum ChecklistRender {
    static func requirementsText(_ row: Checklist.Row, frameworks: [String]) -> String {
        frameworks.compactMap { fw in row.requirements[fw].map { "\(fw): \($0.joined(separator: " "))" } }.joined(separator: "; ")
    }

    static func expected(_ row: Checklist.Row) -> String {
        row.control.evidence.map { "\($0.kind.rawValue): \($0.description)" }.joined(separator: "; ")
    }

    /// A control's row as the CSV and the workbook show it, with the requirements given.
    static func cells(_ row: Checklist.Row, requirements: String) -> [DataTable.Cell] {
        [
            .text(row.control.id), .text(row.control.title), .text(requirements), .text(expected(row)), .text(row.control.owner),
            .text(row.control.frequency.rawValue), .text(row.nextDue), .text(row.latestEvidence?.displayID ?? ""),
            .text(row.latestEvidence.map { $0.effectiveTo ?? $0.effectiveFrom } ?? ""), .text(row.latestEvidence?.status.rawValue ?? ""),
            .status(.checklist(row.state)),
        ]
    }

    /// The controls as the CSV lists them: every framework's requirements in one column.
    public static func controlsTable(_ checklist: Checklist) -> DataTable {
        DataTable(
            columns: [
                "control", "title", "requirements", "evidence_expected", "owner", "frequency", "next_due", "latest_evidence",
                "evidence_date", "evidence_status", "state",
            ].map { .init($0) },
            rows: checklist.rows.map { cells($0, requirements: requirementsText($0, frameworks: checklist.frameworks)) })
    }

    /// One framework's controls, as its sheet of the workbook lists them.
    public static func frameworkTable(_ checklist: Checklist, framework fw: String) -> DataTable {
        let widths = [10, 44, 36, 60, 26, 12, 12, 15, 13, 15, 11]
        let titles = [
            "Control", "Title", "Requirements", "Evidence expected", "Owner", "Frequency", "Next due", "Latest evidence", "Evidence date",
            "Evidence status", "State",
        ]
        return DataTable(
            columns: zip(titles, widths).map { .init($0, width: $1) },
            rows: checklist.rows.filter { $0.requirements[fw] != nil }.map { cells($0, requirements: ($0.requirements[fw] ?? []).joined(separator: " ")) })
    }

    /// Per framework: its controls, how many are in each state, and its AWS-inherited requirements.
    public static func summaryTable(_ checklist: Checklist) -> DataTable {
        let titles = ["Framework", "Controls"] + Checklist.State.allCases.map { $0.rawValue.capitalized } + ["AWS inherited"]
        return DataTable(
            columns: zip(titles, [18, 10, 11, 11, 11, 11, 14]).map { .init($0, width: $1) },
            rows: checklist.frameworks.map { fw in
                let rows = checklist.rows.filter { $0.requirements[fw] != nil }
                var counts: [Checklist.State: Int] = [:]
                for row in rows { counts[row.state, default: 0] += 1 }
                return [.text(fw), .number(rows.count)] + Checklist.State.allCases.map { .number(counts[$0] ?? 0) }
                    + [.number(checklist.inherited.filter { $0.requirement.framework == fw }.count)]
            })
    }

    /// The AWS-inherited requirements with the attestation to download and why they are AWS's.
    public static func inheritedTable(_ checklist: Checklist, titles: [String], widths: [Int?] = [nil, nil, nil, nil]) -> DataTable {
        DataTable(
            columns: zip(titles, widths).map { .init($0, width: $1) },
            rows: checklist.inherited.map { [.text($0.requirement.description), .text($0.title), .text($0.attestation?.title ?? ""), .text($0.rationale)] })
    }

    public static func csv(_ checklist: Checklist) -> String {
        CSV.table(controlsTable(checklist)) + CSV.line([])
            + CSV.table(inheritedTable(checklist, titles: ["aws_inherited_requirement", "title", "attestation_to_download", "rationale"]))
    }

    public static func markdown(_ checklist: Checklist) -> String {
        var out = "# Evidence checklist: \(checklist.frameworks.joined(separator: ", "))\n\n"
        out += "As of \(checklist.asOf). \(checklist.rows.count) customer controls: "
        out += Checklist.State.allCases.map { "\(checklist.counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ") + ".\n\n"
        out += DataTable(
            columns: ["Control", "Title", "Requirements", "Evidence expected", "Owner", "Frequency", "Next due", "Latest evidence"].map { .init($0) }
                + [.init("State", strong: true)],
            rows: checklist.rows.map { row in
                let latest = row.latestEvidence.map { "\($0.displayID) (\($0.effectiveTo ?? $0.effectiveFrom), \($0.status.rawValue))" } ?? "—"
                return [
                    row.control.id, row.control.title, requirementsText(row, frameworks: checklist.frameworks), expected(row),
                    row.control.owner, row.control.frequency.rawValue, row.nextDue, latest,
                ].map(DataTable.Cell.text) + [.status(.checklist(row.state))]
            }
        ).markdown()
        out += "\n## AWS-inherited requirements\n\n"
        guard !checklist.inherited.isEmpty else {
            // No empty table: say so, and that shared requirements still carry AWS's part.
            return out + "None of these frameworks' requirements is AWS's alone; AWS's part of the shared ones is evidenced by its reports in AWS Artifact.\n"
        }
        out += "AWS's part is evidenced by its own reports: download them from AWS Artifact.\n\n"
        var inherited = inheritedTable(checklist, titles: ["Requirement", "Title", "Attestation to download", "Rationale"])
        // The Markdown table leaves the rationale out (the CSV and the workbook carry it).
        inherited.columns.removeLast()
        inherited.rows = inherited.rows.map { Array($0.dropLast()) }
        return out + inherited.markdown()
    }

    public static func json(_ checklist: Checklist) -> String {
        SortedJSONEncoder.string(ChecklistReport(checklist))
    }
}
