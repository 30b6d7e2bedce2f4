import CrosswalkAssess
import CrosswalkModel

/// `crosswalk checklist` as CSV, Markdown and JSON (XLSX: `XLSXWriter`).
public enum ChecklistRender {
    static let header = [
        "control", "title", "requirements", "evidence_expected", "owner", "frequency", "next_due", "latest_evidence",
        "evidence_date", "evidence_status", "state",
    ]

    static func requirementsText(_ row: Checklist.Row, frameworks: [String]) -> String {
        frameworks.compactMap { fw in row.requirements[fw].map { "\(fw): \($0.joined(separator: " "))" } }.joined(separator: "; ")
    }

    static func expected(_ row: Checklist.Row) -> String {
        row.control.evidence.map { "\($0.kind.rawValue): \($0.description)" }.joined(separator: "; ")
    }

    static func fields(_ row: Checklist.Row, frameworks: [String]) -> [String] {
        [
            row.control.id, row.control.title, requirementsText(row, frameworks: frameworks), expected(row), row.control.owner,
            row.control.frequency.rawValue, row.nextDue, row.latestEvidence?.displayID ?? "",
            row.latestEvidence.map { $0.effectiveTo ?? $0.effectiveFrom } ?? "", row.latestEvidence?.status.rawValue ?? "",
            row.state.rawValue,
        ]
    }

    public static func csv(_ checklist: Checklist) -> String {
        var out = CSV.line(header)
        for row in checklist.rows { out += CSV.line(fields(row, frameworks: checklist.frameworks)) }
        out += CSV.line([])
        out += CSV.line(["aws_inherited_requirement", "title", "attestation_to_download", "rationale"])
        for item in checklist.inherited {
            out += CSV.line([item.requirement.description, item.title, item.attestation?.title ?? "", item.rationale])
        }
        return out
    }

    static func cell(_ text: String) -> String {
        ReportDocument.markdownText(text).replacing("|", with: "\\|").replacing("\n", with: " ")
    }

    public static func markdown(_ checklist: Checklist) -> String {
        var out = "# Evidence checklist: \(checklist.frameworks.joined(separator: ", "))\n\n"
        out += "As of \(checklist.asOf). \(checklist.rows.count) customer controls: "
        out += Checklist.State.allCases.map { "\(checklist.counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ") + ".\n\n"
        out += "| Control | Title | Requirements | Evidence expected | Owner | Frequency | Next due | Latest evidence | State |\n"
        out += "|---|---|---|---|---|---|---|---|---|\n"
        for row in checklist.rows {
            let latest = row.latestEvidence.map { "\($0.displayID) (\($0.effectiveTo ?? $0.effectiveFrom), \($0.status.rawValue))" } ?? "—"
            out += "| " + [
                row.control.id, row.control.title, requirementsText(row, frameworks: checklist.frameworks), expected(row),
                row.control.owner, row.control.frequency.rawValue, row.nextDue, latest, "**\(row.state.rawValue)**",
            ].map(cell).joined(separator: " | ") + " |\n"
        }
        out += "\n## AWS-inherited requirements\n\n"
        guard !checklist.inherited.isEmpty else {
            // No empty table: say so, and that shared requirements still carry AWS's part.
            return out + "None of these frameworks' requirements is AWS's alone; AWS's part of the shared ones is evidenced by its reports in AWS Artifact.\n"
        }
        out += "AWS's part is evidenced by its own reports: download them from AWS Artifact.\n\n"
        out += "| Requirement | Title | Attestation to download |\n|---|---|---|\n"
        for item in checklist.inherited {
            out += "| " + [item.requirement.description, item.title, item.attestation?.title ?? ""].map(cell).joined(separator: " | ") + " |\n"
        }
        return out
    }

    public static func json(_ checklist: Checklist) -> String {
        SortedJSONEncoder.string(ChecklistReport(checklist))
    }
}
