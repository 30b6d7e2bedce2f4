/// Who carries a requirement under the AWS shared responsibility model.
public enum Responsibility: String, Sendable, Hashable, CaseIterable {
    /// AWS's part only (physical data centres, hardware, hypervisor, managed-service internals):
    /// inherited, evidenced by an AWS attestation.
    case aws
    /// The customer's (IAM, data, encryption choices, network rules, guest OS, people, processes).
    case customer
    /// Each side does part; the rationale says which.
    case shared
}

/// What an AWS service does for a requirement.
public enum ServiceRole: String, Sendable, Hashable, CaseIterable {
    case enforces, detects, records, evidences
}

/// The categories AWS services are grouped in.
public enum ServiceCategory: String, Sendable, Hashable, CaseIterable {
    case identity, dataProtection = "data-protection", detection, networkProtection = "network-protection"
    case incidentResponse = "incident-response", governance, resilience, assurance
}

/// An AWS service that matters for compliance.
public struct AWSService: Sendable, Hashable {
    public var id: String
    public var name: String
    public var category: ServiceCategory
    /// What it contributes to compliance, in our words.
    public var contributes: String
    /// Prowler's service folder names, to match imported findings.
    public var prowler: [String]
    public var location: SourceLocation

    public init(id: String, name: String, category: ServiceCategory, contributes: String, prowler: [String], location: SourceLocation) {
        self.id = id
        self.name = name
        self.category = category
        self.contributes = contributes
        self.prowler = prowler
        self.location = location
    }
}

/// An AWS attestation or agreement that evidences AWS's part (Mappings/attestations.yaml).
public struct Attestation: Sendable, Hashable {
    public var id: String
    public var title: String
    public var location: SourceLocation

    public init(id: String, title: String, location: SourceLocation) {
        self.id = id
        self.title = title
        self.location = location
    }
}

/// An AWS service used for a requirement, with its role.
public struct ServiceUse: Sendable, Hashable {
    public var service: String
    public var role: ServiceRole
    public init(service: String, role: ServiceRole) {
        self.service = service
        self.role = role
    }
}

/// Who is responsible for one requirement, why, and which AWS services help.
public struct ResponsibilityEntry: Sendable, Hashable {
    public var requirement: RequirementRef
    public var responsibility: Responsibility
    public var rationale: String
    /// For `aws` and `shared`: the attestation that evidences AWS's part.
    public var attestation: String?
    public var services: [ServiceUse]
    public var location: SourceLocation
    /// Where the attestation id is written, for the reference check.
    public var attestationLocation: SourceLocation?

    public init(
        requirement: RequirementRef, responsibility: Responsibility, rationale: String, attestation: String?,
        services: [ServiceUse], location: SourceLocation
    ) {
        self.requirement = requirement
        self.responsibility = responsibility
        self.rationale = rationale
        self.attestation = attestation
        self.services = services
        self.location = location
    }
}

/// How often a control operates or is reviewed.
public enum Frequency: String, Sendable, Hashable, CaseIterable {
    case continuous, daily, weekly, monthly, quarterly, semiAnnual = "semi-annual", annual

    /// Days until evidence of this control is due again.
    public var days: Int {
        switch self {
        case .continuous, .daily: return 1
        case .weekly: return 7
        case .monthly: return 31
        case .quarterly: return 92
        case .semiAnnual: return 183
        case .annual: return 366
        }
    }
}

/// The kinds of evidence the store knows.
public enum EvidenceKind: String, Sendable, Hashable, CaseIterable {
    case document, screenshot, policy, configExport = "config-export", attestation
    case awsAttestation = "aws-attestation", automatedFinding = "automated-finding"
}

/// Evidence a control is expected to produce.
public struct ExpectedEvidence: Sendable, Hashable {
    public var kind: EvidenceKind
    public var description: String
    public init(kind: EvidenceKind, description: String) {
        self.kind = kind
        self.description = description
    }
}

/// A link from a customer control to a requirement it helps meet: "control is <relationship> requirement".
public struct ControlMapping: Sendable, Hashable {
    public var requirement: RequirementRef
    public var relationship: Relationship
    public var rationale: MatchingRationale
    public var note: String
    public var location: SourceLocation

    public init(
        requirement: RequirementRef, relationship: Relationship, rationale: MatchingRationale, note: String,
        location: SourceLocation
    ) {
        self.requirement = requirement
        self.relationship = relationship
        self.rationale = rationale
        self.note = note
        self.location = location
    }
}

/// One control of the common customer control set.
public struct CustomerControl: Sendable, Hashable {
    public var id: String
    public var title: String
    public var statement: String
    public var owner: String
    public var frequency: Frequency
    public var evidence: [ExpectedEvidence]
    public var prowlerChecks: [String]
    public var configRules: [String]
    public var services: [String]
    public var satisfies: [ControlMapping]
    public var location: SourceLocation

    public init(
        id: String, title: String, statement: String, owner: String, frequency: Frequency, evidence: [ExpectedEvidence],
        prowlerChecks: [String], configRules: [String], services: [String], satisfies: [ControlMapping],
        location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.statement = statement
        self.owner = owner
        self.frequency = frequency
        self.evidence = evidence
        self.prowlerChecks = prowlerChecks
        self.configRules = configRules
        self.services = services
        self.satisfies = satisfies
        self.location = location
    }
}

/// A requirement the control set deliberately does not cover, and why.
public struct NotCovered: Sendable, Hashable {
    public var requirement: RequirementRef
    public var reason: String
    public var location: SourceLocation
    public init(requirement: RequirementRef, reason: String, location: SourceLocation) {
        self.requirement = requirement
        self.reason = reason
        self.location = location
    }
}

/// One framework-to-framework link: "source is <relationship> target".
public struct CrosswalkLink: Sendable, Hashable {
    public var source: RequirementRef
    public var target: RequirementRef
    public var relationship: Relationship
    public var rationale: MatchingRationale
    /// 1–10: how much the two overlap in effect.
    public var strength: Int
    public var note: String
    public var location: SourceLocation

    public init(
        source: RequirementRef, target: RequirementRef, relationship: Relationship, rationale: MatchingRationale,
        strength: Int, note: String, location: SourceLocation
    ) {
        self.source = source
        self.target = target
        self.relationship = relationship
        self.rationale = rationale
        self.strength = strength
        self.note = note
        self.location = location
    }
}

/// A crosswalk file: the links from one framework to another, with their provenance.
public struct Crosswalk: Sendable, Hashable {
    /// What a crosswalk joins: two frameworks, or two editions of one framework (each link of an
    /// editions crosswalk is an old requirement's fate in the new edition; `crosswalk diff` then
    /// reports fates instead of coverage).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case frameworks, editions
    }

    public var source: String
    public var target: String
    public var kind: Kind = .frameworks
    /// When the mapping was last reviewed (YYYY-MM-DD).
    public var date: String?
    public var provenance: String
    public var links: [CrosswalkLink]
    public var location: SourceLocation

    public init(
        source: String, target: String, date: String? = nil, provenance: String, links: [CrosswalkLink],
        location: SourceLocation
    ) {
        self.source = source
        self.target = target
        self.date = date
        self.provenance = provenance
        self.links = links
        self.location = location
    }
}

/// Everything in `Mappings/`.
public struct MappingSet: Sendable {
    public var services: [AWSService] = []
    public var responsibilities: [ResponsibilityEntry] = []
    public var controls: [CustomerControl] = []
    public var notCovered: [NotCovered] = []
    public var crosswalks: [Crosswalk] = []
    /// `Mappings/attestations.yaml`: the AWS attestations and agreements a responsibility may name.
    public var attestations: [Attestation] = []
    /// `Mappings/findings/*.yaml`: Security Hub finding types → check ids and controls.
    public var findingTypes: [FindingTypeRule] = []
    /// `Mappings/findings/*-notation.yaml`: how scanners write framework keys and requirement ids.
    public var notations: [RequirementNotation] = []

    public init() {}
}
