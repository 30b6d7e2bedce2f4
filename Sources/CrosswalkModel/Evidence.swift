/// The review state of an evidence item.
public enum EvidenceStatus: String, Sendable, Hashable, CaseIterable {
    case draft, submitted, accepted, rejected
}

/// The outcome of an automated check on one resource.
public enum FindingResult: String, Sendable, Hashable, CaseIterable {
    case pass = "PASS", fail = "FAIL", manual = "MANUAL"
}

/// A file attached to an evidence item, kept in the store by its SHA-256.
public struct EvidenceFile: Sendable, Hashable {
    /// The file's name when it was added.
    public var name: String
    public var sha256: String
    public var size: Int64
    /// Where the store keeps it, relative to the store's folder (`files/sha256/ab/cdef…`).
    public var storedPath: String

    public init(name: String, sha256: String, size: Int64, storedPath: String) {
        self.name = name
        self.sha256 = sha256
        self.size = size
        self.storedPath = storedPath
    }
}

/// Where an automated finding came from and what it observed last.
public struct FindingDetails: Sendable, Hashable {
    /// The tool that produced it (`prowler`, `securityhub`, `config`).
    public var tool: String
    public var checkID: String
    public var resourceID: String
    public var account: String
    public var region: String
    public var severity: String
    /// The latest observation's result decides the finding's current status.
    public var result: FindingResult
    /// When the latest observation was made (ISO 8601).
    public var observedAt: String

    public init(
        tool: String, checkID: String, resourceID: String, account: String, region: String, severity: String,
        result: FindingResult, observedAt: String
    ) {
        self.tool = tool
        self.checkID = checkID
        self.resourceID = resourceID
        self.account = account
        self.region = region
        self.severity = severity
        self.result = result
        self.observedAt = observedAt
    }
}

/// One piece of evidence: a document, screenshot, policy, configuration export, attestation or an
/// automated finding, attached to customer controls and/or requirements.
public struct EvidenceItem: Sendable, Hashable {
    /// The store's number for it (shown as `E-<id>`).
    public var id: Int64
    public var title: String
    public var kind: EvidenceKind
    /// Customer control ids (`IAM-03`) it supports.
    public var controls: [String]
    /// Requirements it supports directly.
    public var requirements: [RequirementRef]
    public var owner: String
    /// Where it came from (a system, a person, a tool and file).
    public var source: String
    /// The audit window it belongs to: start and optional end (YYYY-MM-DD).
    public var effectiveFrom: String
    public var effectiveTo: String?
    /// When it entered the store (ISO 8601).
    public var addedAt: String
    /// When it stops counting (YYYY-MM-DD), given or derived from the control's frequency.
    public var expiresAt: String?
    public var status: EvidenceStatus
    public var notes: String
    /// How many times it was changed (1 when added).
    public var revision: Int
    public var files: [EvidenceFile]
    /// For `automated-finding` items.
    public var finding: FindingDetails?

    public init(
        id: Int64, title: String, kind: EvidenceKind, controls: [String] = [], requirements: [RequirementRef] = [],
        owner: String = "", source: String = "", effectiveFrom: String, effectiveTo: String? = nil, addedAt: String,
        expiresAt: String? = nil, status: EvidenceStatus = .submitted, notes: String = "", revision: Int = 1,
        files: [EvidenceFile] = [], finding: FindingDetails? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.controls = controls
        self.requirements = requirements
        self.owner = owner
        self.source = source
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
        self.addedAt = addedAt
        self.expiresAt = expiresAt
        self.status = status
        self.notes = notes
        self.revision = revision
        self.files = files
        self.finding = finding
    }

    /// `E-<id>`.
    public var displayID: String { "E-\(id)" }

    /// Whether it has expired on a date (YYYY-MM-DD; ISO dates compare as strings).
    public func isExpired(on date: String) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt < date
    }
}
