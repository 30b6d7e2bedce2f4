/// The import side of an evidence store, for the importers and (next) the AWS collector: findings
/// go in through a ``FindingSink`` — begin, add batches, commit — so that a store streams them into
/// one transaction however large the file, and readers never see half an import.
public protocol EvidenceImporting: EvidenceWriting {
    /// Starts an import of one file's findings. Nothing is visible to readers until the sink's
    /// `commit`; a sink that is dropped or cancelled leaves the store as it was.
    func beginImport(file: String, format: ImportFormat) async throws -> any FindingSink

    /// Adds the rows of an evidence CSV in one transaction (their files copied in, as `add` does);
    /// a file imported before (same SHA-256) adds nothing.
    func importManual(file: String, sha256: String, rows: [NewEvidence]) async throws -> ImportSummary
}

/// One import in progress. The same check on the same resource is one evidence item across scans;
/// each scan adds an observation; the latest observation (by instant) decides the current result.
public protocol FindingSink: AnyObject, Sendable {
    /// Stores findings inside the import's transaction, in the file's order.
    func add(_ findings: [ImportedFinding]) async throws

    /// Ends the import and makes it visible: the file's SHA-256 (known once it has been read
    /// whole) decides whether it was imported before (then nothing is stored and the summary says
    /// `alreadyImported`); the checks' requirement references are kept where `requirements`
    /// resolves them to a requirement of the catalogues, and counted as unknown otherwise; the
    /// import and its audit entry are recorded. After `commit` (or a failed one) the sink is done.
    func commit(sha256: String, requirements: RequirementResolver) async throws -> ImportSummary

    /// Abandons the import: nothing of it stays. Safe to call after `commit` or twice.
    func cancel() async
}

/// The formats `evidence import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    case auto
    case prowlerOCSF = "prowler-ocsf"
    case prowlerCSV = "prowler-csv"
    /// Prowler's per-framework compliance CSV (`*_soc2_aws.csv`, `*_hipaa_aws.csv`…, written with
    /// `--compliance`): one row per requirement and finding.
    case prowlerCompliance = "prowler-compliance"
    case asff
    case config
    case csv
}

/// What an import did.
public struct ImportSummary: Sendable, Hashable {
    public var file: String
    public var format: ImportFormat
    /// Records read from the file.
    public var records = 0
    /// New evidence items (a check on a resource not seen before, or a manual row).
    public var addedItems = 0
    /// New observations of findings already in the store.
    public var newObservations = 0
    /// Records already in the store (same finding, same time).
    public var unchanged = 0
    /// Requirement references of the file's checks that name no shipped requirement (left out;
    /// counted once per check).
    public var unknownRequirements = 0
    /// The distinct unknown references (sorted, at most ten), to show the user.
    public var unknownExamples: [String] = []
    /// True when this exact file was imported before: nothing was added.
    public var alreadyImported = false
    /// The file's records by the current (latest) result of their finding after the import.
    public var results: [FindingResult: Int] = [:]

    public init(file: String, format: ImportFormat) {
        self.file = file
        self.format = format
    }
}
