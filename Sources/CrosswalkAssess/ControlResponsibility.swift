import CrosswalkModel

/// For one customer control, the responsibilities of the requirements it meets
/// (`crosswalk validate --coverage`).
///
/// A customer control is something the organisation does, so every requirement it meets should be
/// the customer's or shared. A requirement labelled `aws` is one only AWS performs: a control that
/// meets it either means the requirement has a customer part (make it `shared`) or the link claims
/// what the customer cannot do (remove it). Evidence of AWS's own part, such as the AWS reports kept
/// by a control, belongs on `shared` requirements.
public struct ControlResponsibility: Sendable, Hashable {
    public var control: String
    /// Requirements the control meets, by the responsibility of each (own or inherited).
    public var customer: [RequirementRef]
    public var shared: [RequirementRef]
    public var aws: [RequirementRef]
    /// Requirements with no responsibility entry of their own or of an ancestor.
    public var unassigned: [RequirementRef]

    /// Whether the control meets requirements that only AWS performs (the warning).
    public var meetsAWSRequirements: Bool { !aws.isEmpty }

    /// The responsibilities of the requirements one control meets, each list in natural order.
    public static func compute(for control: CustomerControl, index: MappingIndex) -> ControlResponsibility {
        var result = ControlResponsibility(control: control.id, customer: [], shared: [], aws: [], unassigned: [])
        for ref in Set(control.satisfies.map(\.requirement)).sorted(by: { $0.naturallyPrecedes($1) }) {
            switch index.responsibility(for: ref)?.entry.responsibility {
            case .customer: result.customer.append(ref)
            case .shared: result.shared.append(ref)
            case .aws: result.aws.append(ref)
            case nil: result.unassigned.append(ref)
            }
        }
        return result
    }

    /// One entry per customer control of the index, by control id.
    public static func compute(index: MappingIndex) -> [ControlResponsibility] {
        index.mappings.controls.sorted { $0.id < $1.id }.map { compute(for: $0, index: index) }
    }

    /// A warning for each control that meets `aws` requirements, at the first such link of the control.
    public static func warnings(index: MappingIndex) -> [Diagnostic] {
        index.mappings.controls.sorted { $0.id < $1.id }.compactMap { control -> Diagnostic? in
            let figures = compute(for: control, index: index)
            guard figures.meetsAWSRequirements else { return nil }
            let first = control.satisfies.first { figures.aws.contains($0.requirement) }
            let list = figures.aws.map(\.description).joined(separator: ", ")
            return .warning(
                "customer control '\(control.id)' meets requirements that are AWS's alone: \(list); "
                    + "make each 'shared' if the customer has a part in it, or remove the link",
                at: first?.location ?? control.location)
        }
    }
}
