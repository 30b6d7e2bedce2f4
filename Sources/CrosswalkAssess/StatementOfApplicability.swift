import CrosswalkModel

/// The ISO/IEC 27001 Statement of Applicability: every Annex A control with whether it applies,
/// the justification for including or excluding it, its implementation status, and the customer
/// controls and evidence that implement it — drawn from an assessment of the framework.
public struct StatementOfApplicability: Sendable {
    public struct Row: Sendable, Hashable {
        public var id: String
        public var title: String
        public var applicable: Bool
        public var justification: String
        public var status: RequirementStatus
        public var controls: [String]
        public var evidence: [String]

        public init(
            id: String, title: String, applicable: Bool, justification: String, status: RequirementStatus, controls: [String],
            evidence: [String]
        ) {
            self.id = id
            self.title = title
            self.applicable = applicable
            self.justification = justification
            self.status = status
            self.controls = controls
            self.evidence = evidence
        }
    }

    public var assessment: Assessment
    public var rows: [Row]

    public init(_ assessment: Assessment, index: MappingIndex) {
        self.assessment = assessment
        // The rows are the framework's requirements of kind `control` (ISO/IEC 27001's Annex A):
        // which requirements a Statement of Applicability lists is the catalogue's to say.
        rows = assessment.requirements.filter { $0.kind == .control }.map {
            Self.row(for: $0, framework: assessment.framework.id, index: index)
        }
    }

    /// The rules for one control: excluded when the scope (or the catalogue) makes it not
    /// applicable, justified by the first reason; included otherwise — carried by AWS when it is
    /// inherited, else the customer's (or shared) responsibility with the mapping's rationale.
    public static func row(for r: RequirementAssessment, framework: String, index: MappingIndex) -> Row {
        let applicable = r.status != .notApplicable
        let justification: String
        if !applicable {
            justification = r.reasons.first?.text ?? "Excluded in the scope."
        } else if r.status == .inherited {
            justification = "Included: carried by AWS for the AWS infrastructure (\(r.reasons.first?.text ?? "AWS attestation"))."
        } else {
            let why = index.responsibility(for: RequirementRef(framework: framework, id: r.id))?.entry.rationale ?? ""
            justification = "Included: \(r.responsibility?.rawValue ?? "customer") responsibility. \(why)"
        }
        return Row(
            id: r.id, title: r.title, applicable: applicable, justification: justification, status: r.status, controls: r.controls,
            evidence: r.evidence)
    }

    /// How many controls apply.
    public var applicableCount: Int { rows.filter(\.applicable).count }
    /// How many are excluded.
    public var excludedCount: Int { rows.count - applicableCount }
}
