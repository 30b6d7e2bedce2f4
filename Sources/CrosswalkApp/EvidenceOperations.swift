import CrosswalkModel

/// Adding and reviewing evidence: the use cases behind `evidence add|accept|reject|show|verify`
/// and a server's upload and review pages. The store comes in as `EvidenceWriting`; who acts is
/// the store's (it was opened for an actor); today's date is passed in. The store's own errors
/// pass through as it threw them (its errors are sentences naming the store).
public enum EvidenceOperations {
    /// What a person gives for a new item.
    public struct NewItem: Sendable {
        public var title: String
        public var kind: EvidenceKind
        /// Customer control ids (`IAM-08`).
        public var controls: [String]
        /// Requirements as `FRAMEWORK:ID`.
        public var requirements: [String]
        public var owner: String
        public var source: String
        public var effective: String
        public var effectiveTo: String?
        public var expires: String?
        public var notes: String
        /// Paths of the files to attach.
        public var files: [String]

        public init(
            title: String, kind: EvidenceKind, controls: [String], requirements: [String], owner: String, source: String,
            effective: String, effectiveTo: String?, expires: String?, notes: String, files: [String]
        ) {
            self.title = title
            self.kind = kind
            self.controls = controls
            self.requirements = requirements
            self.owner = owner
            self.source = source
            self.effective = effective
            self.effectiveTo = effectiveTo
            self.expires = expires
            self.notes = notes
            self.files = files
        }
    }

    /// Adds an item after checking every control and requirement it names (request errors with
    /// did-you-mean); its expiry is the one given or follows from its controls' review
    /// frequencies. Returns the item and, when it has already expired on `today`, why.
    public static func add(_ new: NewItem, project: Project, store: any EvidenceWriting, today: String) async throws -> (item: EvidenceItem, warning: String?) {
        guard !new.controls.isEmpty || !new.requirements.isEmpty else {
            throw AppError(.request, "give at least one --control or --requirement")
        }
        let refs = try new.requirements.map { try project.requirement($0, option: "--requirement") }
        let frequencies = try new.controls.map { try project.control($0).frequency }
        let expiry = EvidenceDates.expiry(given: new.expires, effective: new.effective, effectiveTo: new.effectiveTo, frequencies: frequencies)
        let item = try await store.add(
            NewEvidence(
                title: new.title, kind: new.kind, controls: new.controls, requirements: refs, owner: new.owner, source: new.source,
                effectiveFrom: new.effective, effectiveTo: new.effectiveTo, expiresAt: expiry, notes: new.notes, files: new.files))
        let warning = EvidenceDates.alreadyExpired(
            item, today: today, given: new.expires, effective: new.effective, effectiveTo: new.effectiveTo, frequencies: frequencies)
        return (item, warning)
    }

    /// An item's id as people write it (`E-12`, `12`), or a request error.
    public static func id(_ text: String) throws -> Int64 {
        guard let id = EvidenceID(text) else { throw AppError(.request, "'\(text)' is not an evidence id (E-12)") }
        return id.number
    }

    /// Accepts or rejects an item (a new revision).
    public static func setStatus(_ id: String, to status: EvidenceStatus, note: String?, store: any EvidenceWriting) async throws -> EvidenceItem {
        try await store.setStatus(try self.id(id), to: status, note: note)
    }

    /// One item with its revisions.
    public static func show(_ id: String, store: any EvidenceWriting) async throws -> (item: EvidenceItem, revisions: [EvidenceRevision]) {
        let number = try self.id(id)
        guard let item = try await store.item(number) else { throw AppError(.failure, "no evidence item E-\(number)") }
        return (item, try await store.revisions(of: number))
    }

    /// What verification found, with how many files and log entries it covered.
    public struct Verification: Sendable {
        public var report: VerifyReport
        public var files: Int
        public var entries: Int
    }

    public static func verify(_ store: any EvidenceWriting) async throws -> Verification {
        let report = try await store.verifyReport()
        let files = try await store.list(EvidenceFilter()).reduce(0) { $0 + $1.files.count }
        let entries = try await store.auditLog().count
        return Verification(report: report, files: files, entries: entries)
    }
}
