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
