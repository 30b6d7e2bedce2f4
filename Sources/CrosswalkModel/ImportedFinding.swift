/// One finding read from a tool's output (or collected from a service), before it is stored: what
/// an importer hands a store's ``FindingSink``.
public struct ImportedFinding: Sendable, Hashable {
    // The natural key's parts are constants: `uid` is derived from them once, when the finding is
    // made (for large imports that is on the parsing thread, not the one that stores).
    public let tool: String
    public let checkID: String
    public var title: String
    public let resourceID: String
    public let account: String
    public let region: String
    public var severity: String
    public var result: FindingResult
    /// ISO 8601, as the tool wrote it (normalised to `YYYY-MM-DDTHH:MM:SS` plus fraction/zone if given).
    public var observedAt: String {
        didSet { observedInstant = Timestamp.microseconds(observedAt) }
    }
    /// `observedAt` as an instant (microseconds since 1970 UTC): what decides which observation is
    /// the latest; nil when `observedAt` is not a time (``Timestamp``), which the importers refuse.
    public private(set) var observedInstant: Int64?
    /// Requirements the tool maps the check to, in Crosswalk's notation.
    public var requirements: [RequirementRef]
    /// The evidence item's key across scans: the tool and a digest of the natural key
    /// `tool|check|account|region|resource` (the importers compute it; see `ImportedFinding.make`).
    public let uid: String

    public init(
        tool: String, checkID: String, title: String, resourceID: String, account: String, region: String, severity: String,
        result: FindingResult, observedAt: String, requirements: [RequirementRef], uid: String
    ) {
        self.tool = tool
        self.checkID = checkID
        self.title = title
        self.resourceID = resourceID
        self.account = account
        self.region = region
        self.severity = severity
        self.result = result
        self.observedAt = observedAt
        self.observedInstant = Timestamp.microseconds(observedAt)
        self.requirements = requirements
        self.uid = uid
    }
}
