import CrosswalkModel

/// `crosswalk show --format json` (with the requirement tree) and one entry of
/// `crosswalk frameworks --format json` (without it, with the file it came from).
public struct FrameworkReport: Encodable, Sendable {
    public var id: String
    public var title: String
    public var version: String
    public var kind: String
    public var publisher: String
    public var published: String
    public var source: String
    public var licence: String
    public var description: String
    public var requirementCount: Int
    /// The tree (show); nil in the list.
    public var requirements: [RequirementReport]?
    /// The catalogue file (the list, when known).
    public var file: String?

    /// The framework with its requirements, `depth` levels deep (nil: all; deeper levels list no children).
    public init(_ framework: Framework, depth: Int?) {
        self.init(summary: framework, file: nil)
        requirements = RequirementReport.list(framework.requirements, level: 1, depth: depth)
    }

    /// The framework's own fields only.
    public init(summary framework: Framework, file: String?) {
        id = framework.id
        title = framework.title
        version = framework.version
        kind = framework.kind.rawValue
        publisher = framework.publisher
        published = framework.published
        source = framework.sourceURL
        licence = framework.licence
        description = framework.description
        requirementCount = framework.requirementCount
        self.file = file
    }
}

/// One requirement of `FrameworkReport` and its children.
public struct RequirementReport: Encodable, Sendable {
    public var id: String
    public var title: String
    public var kind: String
    public var description: String
    /// Left out when the requirement has none.
    public var attributes: [String: [String]]?
    /// Left out when the requirement has none.
    public var references: [String]?
    public var children: [RequirementReport]

    static func list(_ requirements: [Requirement], level: Int, depth: Int?) -> [RequirementReport] {
        requirements.map { r in
            RequirementReport(
                id: r.id, title: r.title, kind: r.kind.rawValue, description: r.description,
                attributes: r.attributes.isEmpty ? nil : r.attributes, references: r.references.isEmpty ? nil : r.references,
                children: depth.map { level >= $0 } == true ? [] : list(r.children, level: level + 1, depth: depth))
        }
    }
}
