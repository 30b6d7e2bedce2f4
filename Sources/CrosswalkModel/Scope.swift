/// What an assessment covers: the organisation, the audit period, the frameworks and SOC 2
/// categories in scope, and the requirements it declares not applicable (with why).
public struct Scope: Sendable, Hashable {
    public var organisation: String
    /// YYYY-MM-DD.
    public var periodStart: String
    public var periodEnd: String
    public var frameworks: [String]
    /// SOC 2 categories in scope; `security` is always in.
    public var soc2Categories: [String]
    public var notApplicable: [RequirementRef: String]
    public var location: SourceLocation

    public init(
        organisation: String, periodStart: String, periodEnd: String, frameworks: [String], soc2Categories: [String],
        notApplicable: [RequirementRef: String], location: SourceLocation
    ) {
        self.organisation = organisation
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.frameworks = frameworks
        self.soc2Categories = soc2Categories
        self.notApplicable = notApplicable
        self.location = location
    }

    /// The SOC 2 categories a scope may name.
    public static let soc2CategoryNames = ["security", "availability", "confidentiality", "processing-integrity", "privacy"]
}
