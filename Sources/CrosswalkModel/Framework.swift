/// What kind of assurance a framework gives, following AWS's grouping of its assurance programmes.
public enum FrameworkKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// An independent body certifies conformance (ISO/IEC 27001).
    case certification
    /// An auditor attests to controls over a period (SOC 1, SOC 2).
    case attestation
    /// A law or regulation (HIPAA, GDPR).
    case law
    /// An alignment or control framework (NIST SP 800-53, CIS, any OSCAL catalog).
    case framework
}

/// A framework catalogue: its provenance and its tree of requirements.
public struct Framework: Sendable, Hashable {
    /// Short stable id used everywhere (`soc2`, `iso27001-2022`, `hipaa`).
    public var id: String
    public var title: String
    /// Edition or version as the publisher names it.
    public var version: String
    public var publisher: String
    /// Publication date as written by the source (ISO 8601 where known).
    public var published: String
    /// The official URL of the source.
    public var sourceURL: String
    /// Licence or copyright note for the source and for our text.
    public var licence: String
    public var kind: FrameworkKind
    /// A short description of the framework, in our own words.
    public var description: String
    /// Top-level requirements (groups, chapters, clauses…), each holding its children.
    public var requirements: [Requirement]
    /// Where the framework element itself was read.
    public var location: SourceLocation

    public init(
        id: String, title: String, version: String = "", publisher: String = "", published: String = "",
        sourceURL: String = "", licence: String = "", kind: FrameworkKind, description: String = "",
        requirements: [Requirement] = [], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.version = version
        self.publisher = publisher
        self.published = published
        self.sourceURL = sourceURL
        self.licence = licence
        self.kind = kind
        self.description = description
        self.requirements = requirements
        self.location = location
    }
}
