import CrosswalkAssess
import CrosswalkModel

/// `crosswalk map FRAMEWORK:ID --format json`.
public struct RequirementMappingReport: Encodable, Sendable {
    public struct AttestationRef: Encodable, Sendable {
        public var id: String
        public var title: String
    }

    public struct Service: Encodable, Sendable {
        public var id: String
        public var name: String
        public var role: String
    }

    public struct Control: Encodable, Sendable {
        public var id: String
        public var title: String
        public var relationship: String
        public var coverage: String
        public var rationale: String
        public var note: String
        public var owner: String
        public var frequency: String
    }

    /// A related requirement; reviewed rows with no counterpart carry no relationship, strength or path.
    public struct Related: Encodable, Sendable {
        public var framework: String
        public var id: String
        public var title: String
        public var relationship: String?
        public var strength: Int?
        public var inferred: Bool
        public var path: [String]?
        public var note: String
    }

    public var framework: String
    public var id: String
    public var title: String
    public var kind: String
    public var description: String
    /// `null` when no responsibility is mapped; then rationale, attestation and inheritance are left out.
    public var responsibility: Nullable<String>
    public var rationale: String?
    public var attestation: Nullable<AttestationRef>?
    public var responsibilityInheritedFrom: Nullable<String>?
    public var awsServices: [Service]
    public var controls: [Control]
    public var related: [Related]
    public var noRelationship: [Related]

    public init(_ m: RequirementMapping) {
        framework = m.ref.framework
        id = m.ref.id
        title = m.requirement.title
        kind = m.requirement.kind.rawValue
        description = m.requirement.description
        responsibility = Nullable(m.responsibility?.responsibility.rawValue)
        if let r = m.responsibility {
            rationale = r.rationale
            attestation = Nullable(r.attestation.map { AttestationRef(id: $0, title: m.attestationTitle ?? $0) })
            responsibilityInheritedFrom = Nullable(m.inheritedFrom?.description)
        }
        awsServices = m.services.map { Service(id: $0.use.service, name: $0.service?.name ?? $0.use.service, role: $0.use.role.rawValue) }
        controls = m.controls.map { control, link in
            Control(
                id: control.id, title: control.title, relationship: link.relationship.rawValue,
                coverage: link.relationship.coverage.rawValue, rationale: link.rationale.rawValue, note: link.note,
                owner: control.owner, frequency: control.frequency.rawValue)
        }
        func rows(_ list: [RelatedRequirement], link: Bool) -> [Related] {
            list.map { r in
                Related(
                    framework: r.requirement.framework, id: r.requirement.id, title: m.titles[r.requirement] ?? "",
                    relationship: link ? r.relationship.rawValue : nil, strength: link ? r.strength : nil, inferred: r.inferred,
                    path: link ? r.path : nil, note: r.note)
            }
        }
        related = rows(m.related, link: true)
        noRelationship = rows(m.unrelated, link: false)
    }
}
