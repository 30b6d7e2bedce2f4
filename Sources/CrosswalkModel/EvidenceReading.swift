/// What the assessment, the checklist, the diff and a server read from an evidence store: the
/// port that the embedded SQLite store implements today and a PostgreSQL store can implement next.
/// Every call is `async` so that a store over the network fits; a store that answers at once
/// implements them synchronously. Implementations allow concurrent readers.
public protocol EvidenceReading: Sendable {
    /// Where the store is, as the user named it (a path, or a URL without its password): for messages.
    var location: String { get }

    /// Where the store keeps attached files on disk, for naming them in SHA256SUMS (`nil` when the
    /// files live inside the database).
    var fileFolder: String? { get }

    /// Per control and per automated check, what counts on a date (the assessment's input).
    func summary(asOf: String) async throws -> EvidenceSummary

    /// The items with these ids, whole (files and finding), in id order.
    func items(_ ids: [Int64]) async throws -> [EvidenceItem]

    /// The items that pass a filter, in id order.
    func list(_ filter: EvidenceFilter) async throws -> [EvidenceItem]

    /// An error this store threw, as a sentence for the user (never the database's raw text alone).
    func explain(_ error: Error) -> String
}

/// Which items `evidence list` shows.
public struct EvidenceFilter: Sendable {
    /// Items linked to this control directly, or findings of one of its Prowler checks.
    public var control: String?
    /// The control's automation hooks (Prowler check ids), supplied by the caller from the mappings.
    public var controlChecks: Set<String> = []
    /// Items linked to this requirement.
    public var requirement: RequirementRef?
    /// Items linked to any requirement of this framework.
    public var framework: String?
    public var status: EvidenceStatus?
    /// Only items expired on this date (YYYY-MM-DD).
    public var expiredOn: String?
    /// Only automated findings whose latest result is FAIL.
    public var failing = false

    public init() {}
}

/// The write side of an evidence store, for the use cases that add and review evidence: every
/// change a new revision and an audit log entry, nothing overwritten.
public protocol EvidenceWriting: EvidenceReading {
    /// Adds an item, copying its files in (by SHA-256).
    func add(_ new: NewEvidence) async throws -> EvidenceItem
    /// Sets an item's status (accepted, rejected, …) as a new revision, with a note.
    func setStatus(_ id: Int64, to status: EvidenceStatus, note: String?) async throws -> EvidenceItem
    /// One item, whole; nil when there is none with that id.
    func item(_ id: Int64) async throws -> EvidenceItem?
    /// An item's revisions, oldest first.
    func revisions(of id: Int64) async throws -> [EvidenceRevision]
    /// The whole audit log, in order.
    func auditLog() async throws -> [AuditEntry]
    /// Every stored file re-hashed and the audit chain recomputed.
    func verifyReport() async throws -> VerifyReport
}
