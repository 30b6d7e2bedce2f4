import CrosswalkModel

/// One evidence item in `evidence list --format json` and `evidence show --format json`.
public struct EvidenceItemReport: Encodable, Sendable {
    public struct File: Encodable, Sendable {
        public var name: String
        public var sha256: String
        public var size: Int64
        public var path: String
    }

    public var id: String
    public var kind: String
    public var status: String
    public var title: String
    public var controls: [String]
    public var requirements: [String]
    public var owner: String
    public var source: String
    public var effectiveFrom: String
    public var effectiveTo: Nullable<String>
    public var expiresAt: Nullable<String>
    public var addedAt: String
    public var revision: Int
    public var files: [File]
    // An automated finding's source and latest result (left out for other evidence).
    public var result: String?
    public var checkId: String?
    public var tool: String?
    public var resource: String?
    public var account: String?
    public var region: String?
    public var severity: String?
    public var observedAt: String?
    /// Left out when empty.
    public var notes: String?

    public init(_ item: EvidenceItem) {
        id = item.displayID
        kind = item.kind.rawValue
        status = item.status.rawValue
        title = item.title
        controls = item.controls
        requirements = item.requirements.map(\.description)
        owner = item.owner
        source = item.source
        effectiveFrom = item.effectiveFrom
        effectiveTo = Nullable(item.effectiveTo)
        expiresAt = Nullable(item.expiresAt)
        addedAt = item.addedAt
        revision = item.revision
        files = item.files.map { File(name: $0.name, sha256: $0.sha256, size: $0.size, path: $0.storedPath) }
        if let f = item.finding {
            result = f.result.rawValue
            checkId = f.checkID
            tool = f.tool
            resource = f.resourceID
            account = f.account
            region = f.region
            severity = f.severity
            observedAt = f.observedAt
        }
        notes = item.notes.isEmpty ? nil : item.notes
    }
}

/// `evidence show --format json`: the item and its history.
public struct EvidenceShowReport: Encodable, Sendable {
    public var item: EvidenceItemReport
    public var revisions: [EvidenceRevisionLine]

    public init(_ item: EvidenceItem, revisions: [EvidenceRevisionLine]) {
        self.item = EvidenceItemReport(item)
        self.revisions = revisions
    }
}
