import CrosswalkModel

/// One line of an item's history, as shown.
public struct EvidenceRevisionLine: Encodable, Sendable {
    public var revision: Int
    public var changedAt: String
    public var changedBy: String
    public init(revision: Int, changedAt: String, changedBy: String) {
        self.revision = revision
        self.changedAt = changedAt
        self.changedBy = changedBy
    }
}

/// Text and JSON views of evidence for `crosswalk evidence list|show|import`.
public enum EvidenceRender {
    public static func listText(_ items: [EvidenceItem]) -> String {
        let rows = items.map { item -> [String] in
            let links = item.controls + item.requirements.map(\.description)
            let linkText = links.count > 3 ? links.prefix(3).joined(separator: " ") + " +\(links.count - 3)" : links.joined(separator: " ")
            return [
                item.displayID, item.kind.rawValue, item.status.rawValue, item.finding?.result.rawValue ?? "",
                item.expiresAt ?? "", linkText, clip(item.title, 70),
            ]
        }
        return Table.render(header: ["ID", "KIND", "STATUS", "RESULT", "EXPIRES", "FOR", "TITLE"], rows: rows)
            + counted(items.count, "item") + "\n"
    }

    public static func listJSON(_ items: [EvidenceItem]) -> String {
        SortedJSONEncoder.string(items.map(EvidenceItemReport.init), capacity: 512 * max(1, items.count))
    }

    public static func itemJSON(_ item: EvidenceItem, revisions: [EvidenceRevisionLine]) -> String {
        SortedJSONEncoder.string(EvidenceShowReport(item, revisions: revisions))
    }

    public static func itemText(_ item: EvidenceItem, revisions: [EvidenceRevisionLine]) -> String {
        var out = "\(item.displayID)  \(item.title)\n"
        var rows: [[String]] = [
            ["kind", item.kind.rawValue], ["status", item.status.rawValue], ["owner", item.owner], ["source", item.source],
            ["effective", item.effectiveFrom + (item.effectiveTo.map { " to \($0)" } ?? "")],
            ["expires", item.expiresAt ?? "never"], ["added", item.addedAt],
        ]
        if !item.controls.isEmpty { rows.append(["controls", item.controls.joined(separator: ", ")]) }
        if !item.requirements.isEmpty { rows.append(["requirements", item.requirements.map(\.description).joined(separator: ", ")]) }
        if let f = item.finding {
            rows += [
                ["result", f.result.rawValue], ["check", "\(f.tool) \(f.checkID)"], ["resource", f.resourceID],
                ["account", "\(f.account) \(f.region)"], ["severity", f.severity], ["observed", f.observedAt],
            ]
        }
        if !item.notes.isEmpty { rows.append(["notes", item.notes]) }
        out += Table.render(header: nil, rows: rows, indent: "  ")
        if !item.files.isEmpty {
            out += "files:\n"
            out += Table.render(header: nil, rows: item.files.map { [$0.name, "\($0.size) bytes", "sha256 \($0.sha256)"] }, indent: "  ")
        }
        out += "revisions:\n"
        out += Table.render(header: nil, rows: revisions.map { ["\($0.revision)", $0.changedAt, $0.changedBy] }, indent: "  ")
        return out
    }
}

extension EvidenceRender {
    /// What `evidence import` prints.
    public static func importSummary(_ s: ImportSummaryLine) -> String {
        if s.alreadyImported { return "\(s.file): imported before (same SHA-256): nothing added\n" }
        var out = "\(s.file): \(counted(s.records, "record")) (\(s.format)): \(counted(s.addedItems, "new evidence item")), \(counted(s.newObservations, "new observation")), \(s.unchanged) unchanged\n"
        if !s.results.isEmpty {
            out += "current results: " + ["PASS", "FAIL", "MANUAL"].map { "\($0) \(s.results[$0] ?? 0)" }.joined(separator: ", ") + "\n"
        }
        if s.unknownRequirements > 0 {
            out += s.unknownRequirements == 1
                ? "1 requirement reference names no shipped requirement and was left out"
                : "\(s.unknownRequirements) requirement references name no shipped requirement and were left out"
            out += s.unknownExamples.isEmpty ? "\n" : ": \(s.unknownExamples.joined(separator: ", "))\n"
        }
        return out
    }
}

/// The figures of an import, as the renderer needs them.
public struct ImportSummaryLine: Sendable {
    public var file: String
    public var format: String
    public var records: Int
    public var addedItems: Int
    public var newObservations: Int
    public var unchanged: Int
    public var unknownRequirements: Int
    public var unknownExamples: [String] = []
    public var alreadyImported: Bool
    public var results: [String: Int]
    public init(
        file: String, format: String, records: Int, addedItems: Int, newObservations: Int, unchanged: Int,
        unknownRequirements: Int, alreadyImported: Bool, results: [String: Int]
    ) {
        self.file = file
        self.format = format
        self.records = records
        self.addedItems = addedItems
        self.newObservations = newObservations
        self.unchanged = unchanged
        self.unknownRequirements = unknownRequirements
        self.alreadyImported = alreadyImported
        self.results = results
    }
}
