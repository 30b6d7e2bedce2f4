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

    /// The categories a scope over these frameworks may name (their catalogues' `category`
    /// attributes, in order, without repeats).
    public static func categories(of frameworks: [Framework]) -> [ScopeCategory] {
        var out: [ScopeCategory] = []
        for category in frameworks.flatMap(\.scopeCategories) where !out.contains(where: { $0.name == category.name }) { out.append(category) }
        return out
    }
}
