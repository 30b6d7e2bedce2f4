/// What the write side of an evidence store takes and gives back: a new item, an item's
/// revisions, the audit log, a verification. Value types; the store interface is EvidenceWriting.

/// What `evidence add` (or an upload) collects for a new item.
public struct NewEvidence: Sendable {
    public var title: String
    public var kind: EvidenceKind
    public var controls: [String]
    public var requirements: [RequirementRef]
    public var owner: String
    public var source: String
    public var effectiveFrom: String
    public var effectiveTo: String?
    public var expiresAt: String?
    public var status: EvidenceStatus
    public var notes: String
    /// Paths of files to copy in.
    public var files: [String]

    public init(
        title: String, kind: EvidenceKind, controls: [String] = [], requirements: [RequirementRef] = [],
        owner: String, source: String = "", effectiveFrom: String, effectiveTo: String? = nil,
        expiresAt: String? = nil, status: EvidenceStatus = .submitted, notes: String = "", files: [String] = []
    ) {
        self.title = title
        self.kind = kind
        self.controls = controls
        self.requirements = requirements
        self.owner = owner
        self.source = source
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
        self.expiresAt = expiresAt
        self.status = status
        self.notes = notes
        self.files = files
    }
}

/// One revision of an item: when, by whom, and the item's fields then (JSON).
public struct EvidenceRevision: Sendable, Hashable {
    public var revision: Int
    public var changedAt: String
    public var changedBy: String
    /// The item's fields as JSON.
    public var snapshot: String

    public init(revision: Int, changedAt: String, changedBy: String, snapshot: String) {
        self.revision = revision
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.snapshot = snapshot
    }
}

/// One entry of the hash-chained audit log.
public struct AuditEntry: Sendable, Hashable {
    public var seq: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var subject: String
    public var detail: String
    public var hash: String

    public init(seq: Int64, at: String, actor: String, action: String, subject: String, detail: String, hash: String) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
        self.hash = hash
    }
}

/// What `evidence verify` found.
public struct VerifyReport: Sendable, Hashable {
    public init(problems: [String] = [], notes: [String] = []) {
        self.problems = problems
        self.notes = notes
    }

    /// Changes to the evidence or the log: each one names its file.
    public var problems: [String] = []
    /// Worth knowing, but not a change to the evidence: partial copies left by commands that
    /// did not finish, stored copies that were re-stored because they did not match their hash.
    public var notes: [String] = []
}
