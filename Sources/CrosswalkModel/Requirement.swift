/// One node of a framework's requirement tree: a clause, criterion, control, article, paragraph…
public struct Requirement: Sendable, Hashable {
    /// The identifier exactly as the source writes it (`CC6.1`, `A.5.1`, `164.312(a)(2)(iv)`, `Art.32(1)(a)`).
    public var id: String
    public var title: String
    /// What it requires and what an auditor looks for, in our own words (or quoted public law).
    public var description: String
    public var kind: RequirementKind
    /// Free attributes; a name may carry several values (ISO 27002 attributes, COSO principle, …).
    public var attributes: [String: [String]]
    /// Ids of other requirements of the same framework that this one refers to.
    public var references: [String]
    public var children: [Requirement]
    /// Where this requirement was read.
    public var location: SourceLocation

    public init(
        id: String, title: String, description: String = "", kind: RequirementKind,
        attributes: [String: [String]] = [:], references: [String] = [], children: [Requirement] = [],
        location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.kind = kind
        self.attributes = attributes
        self.references = references
        self.children = children
        self.location = location
    }

    /// The first value of an attribute, if any.
    public func attribute(_ name: String) -> String? { attributes[name]?.first }
}

/// The kind of a requirement node. Known kinds are constants; catalogues may only use known kinds
/// (the validator says "did you mean" for near misses).
public struct RequirementKind: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    // Grouping levels
    public static let chapter = Self("chapter")
    public static let section = Self("section")
    public static let category = Self("category")
    public static let series = Self("series")
    public static let theme = Self("theme")
    public static let domain = Self("domain")
    public static let objective = Self("objective")
    public static let group = Self("group")
    // Requirement levels
    public static let clause = Self("clause")
    public static let criterion = Self("criterion")
    public static let control = Self("control")
    public static let enhancement = Self("enhancement")
    public static let standard = Self("standard")
    public static let implementationSpecification = Self("implementation-specification")
    public static let article = Self("article")
    public static let paragraph = Self("paragraph")
    public static let pointOfFocus = Self("point-of-focus")
    public static let controlObjective = Self("control-objective")
    public static let controlActivity = Self("control-activity")

    /// Every kind a catalogue may use.
    public static let known: [RequirementKind] = [
        .chapter, .section, .category, .series, .theme, .domain, .objective, .group,
        .clause, .criterion, .control, .enhancement, .standard, .implementationSpecification,
        .article, .paragraph, .pointOfFocus, .controlObjective, .controlActivity,
    ]

    /// Kinds that only group other requirements and are not assessed on their own.
    public static let grouping: Set<RequirementKind> = [
        .chapter, .section, .category, .series, .theme, .domain, .objective, .group,
    ]

    public var isGrouping: Bool { Self.grouping.contains(self) }
}
