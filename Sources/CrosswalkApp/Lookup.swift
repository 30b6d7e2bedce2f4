import CrosswalkAssess
import CrosswalkModel

// An id a request names that is not known is a request error everywhere, with "did you mean".

extension Project {
    /// A framework by id, or a request error with "did you mean" and the known ids (`label` is put
    /// first, e.g. "--to: "; `place` after the id, e.g. " in Frameworks").
    public func framework(_ id: String, label: String = "", place: String = "") throws -> Framework {
        try Self.framework(id, in: frameworks, label: label, place: place)
    }

    /// The same lookup among any frameworks.
    public static func framework(_ id: String, in frameworks: [Framework], label: String = "", place: String = "") throws -> Framework {
        if let found = frameworks.first(where: { $0.id == id }) { return found }
        let ids = frameworks.map(\.id)
        let known = ids.isEmpty ? "" : "; known: \(ids.joined(separator: ", "))"
        throw AppError(.request, "\(label)no framework with id '\(id)'\(place)\(Suggestion.hint(for: id, in: ids))\(known)")
    }

    /// The requirement a `FRAMEWORK:ID` names, or a request error with "did you mean".
    public static func requirement(_ ref: RequirementRef, in frameworks: [Framework], label: String = "") throws -> Requirement {
        let framework = try framework(ref.framework, in: frameworks, label: label)
        guard let requirement = framework.requirement(ref.id) else {
            let hint = Suggestion.hint(for: ref.id, in: framework.allRequirements.map(\.id), prefix: "\(framework.id):")
            throw AppError(.request, "\(label)no requirement '\(ref.id)' in \(framework.id)\(hint)")
        }
        return requirement
    }

    /// `FRAMEWORK:ID` text parsed and looked up (`option` names it in the message: "--requirement").
    public func requirement(_ text: String, option: String? = nil) throws -> RequirementRef {
        guard let ref = RequirementRef(text) else {
            let label = option.map { "\($0) " } ?? ""
            throw AppError(.request, "\(label)'\(text)' is not of the form FRAMEWORK:ID (e.g. soc2:CC6.1)")
        }
        _ = try Self.requirement(ref, in: frameworks, label: option.map { "\($0): " } ?? "")
        return ref
    }

    /// A customer control by id, or a request error with "did you mean".
    public func control(_ id: String, label: String = "--control: ") throws -> CustomerControl {
        if let found = index.controls[id] { return found }
        throw AppError(.request, "\(label)unknown control '\(id)'\(Suggestion.hint(for: id, in: index.controls.keys.sorted()))")
    }
}
