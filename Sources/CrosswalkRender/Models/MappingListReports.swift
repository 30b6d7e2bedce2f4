import CrosswalkAssess
import CrosswalkModel

/// One customer control in `crosswalk controls --format json`.
public struct ControlReport: Encodable, Sendable {
    public struct Evidence: Encodable, Sendable {
        public var kind: String
        public var description: String
    }

    public struct Automation: Encodable, Sendable {
        public var prowler: [String]
        public var configRules: [String]
    }

    public struct Link: Encodable, Sendable {
        public var framework: String
        public var id: String
        public var relationship: String
        public var rationale: String
        public var note: String
    }

    public var id: String
    public var title: String
    public var statement: String
    public var owner: String
    public var frequency: String
    public var evidence: [Evidence]
    public var automation: Automation
    public var services: [String]
    /// In requirement order.
    public var satisfies: [Link]

    public init(_ control: CustomerControl) {
        id = control.id
        title = control.title
        statement = control.statement
        owner = control.owner
        frequency = control.frequency.rawValue
        evidence = control.evidence.map { Evidence(kind: $0.kind.rawValue, description: $0.description) }
        automation = Automation(prowler: control.prowlerChecks, configRules: control.configRules)
        services = control.services
        satisfies = control.satisfies.sorted { $0.requirement < $1.requirement }.map {
            Link(framework: $0.requirement.framework, id: $0.requirement.id, relationship: $0.relationship.rawValue, rationale: $0.rationale.rawValue, note: $0.note)
        }
    }
}

/// One AWS service in `crosswalk services --format json`.
public struct ServiceReport: Encodable, Sendable {
    public var id: String
    public var name: String
    public var category: String
    public var contributes: String
    public var prowler: [String]

    public init(_ s: AWSService) {
        id = s.id
        name = s.name
        category = s.category.rawValue
        contributes = s.contributes
        prowler = s.prowler
    }
}

/// One framework's mapping figures in `crosswalk validate --coverage --format json`: the
/// figures of `FrameworkCoverage` under their own names, and the share with a responsibility.
public struct FrameworkCoverageReport: Encodable, Sendable {
    public var coverage: FrameworkCoverage

    public init(_ coverage: FrameworkCoverage) { self.coverage = coverage }

    enum CodingKeys: String, CodingKey {
        case framework, requirements, withResponsibility, withServices, withControls, withCrosswalkLinks, customerOrShared
        case coveredByControls, listedNotCovered, responsibilityPercent, uncovered, withoutResponsibility
    }

    public func encode(to encoder: any Encoder) throws {
        let c = coverage
        var out = encoder.container(keyedBy: CodingKeys.self)
        try out.encode(c.framework, forKey: .framework)
        for (key, figure) in [
            (CodingKeys.requirements, c.requirements), (.withResponsibility, c.withResponsibility), (.withServices, c.withServices),
            (.withControls, c.withControls), (.withCrosswalkLinks, c.withCrosswalkLinks), (.customerOrShared, c.customerOrShared),
            (.coveredByControls, c.coveredByControls), (.listedNotCovered, c.listedNotCovered),
        ] {
            try out.encode(figure, forKey: key)
        }
        try out.encode(c.percent(c.withResponsibility), forKey: .responsibilityPercent)
        try out.encode(c.uncovered, forKey: .uncovered)
        try out.encode(c.withoutResponsibility, forKey: .withoutResponsibility)
    }
}

/// `crosswalk validate --coverage --format json`: the frameworks' figures and, per control, the
/// requirements it meets by responsibility.
public struct CoverageReport: Encodable, Sendable {
    public struct Control: Encodable, Sendable {
        public var control: String
        public var customer: [String]
        public var shared: [String]
        public var aws: [String]
        public var unassigned: [String]
    }

    public var frameworks: [FrameworkCoverageReport]
    public var controls: [Control]

    public init(_ coverage: [FrameworkCoverage], controls: [ControlResponsibility]) {
        frameworks = coverage.map(FrameworkCoverageReport.init)
        self.controls = controls.map {
            Control(
                control: $0.control, customer: $0.customer.map(\.description), shared: $0.shared.map(\.description),
                aws: $0.aws.map(\.description), unassigned: $0.unassigned.map(\.description))
        }
    }
}
