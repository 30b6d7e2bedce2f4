import ArgumentParser
import CrosswalkAssess
import CrosswalkModel

// An id named on the command line that is not known is a usage error (exit 64) everywhere, with
// "did you mean" and the subcommand's usage; see docs/cli.md for the exit codes.

/// A framework by id, or a usage error with "did you mean" and the known ids.
func lookUpFramework(_ id: String, in frameworks: [Framework], option: String? = nil, folder: String? = nil) throws -> Framework {
    if let found = frameworks.first(where: { $0.id == id }) { return found }
    let ids = frameworks.map(\.id)
    let label = option.map { "--\($0): " } ?? ""
    let place = folder.map { " in \($0)" } ?? ""
    let known = ids.isEmpty ? "" : "; known: \(ids.joined(separator: ", "))"
    throw ValidationError("\(label)no framework with id '\(id)'\(place)\(Suggestion.hint(for: id, in: ids))\(known)")
}

/// The requirement a `FRAMEWORK:ID` names, or a usage error with "did you mean".
func lookUpRequirement(_ ref: RequirementRef, in frameworks: [Framework], option: String? = nil) throws -> Requirement {
    let framework = try lookUpFramework(ref.framework, in: frameworks, option: option)
    guard let requirement = framework.requirement(ref.id) else {
        let label = option.map { "--\($0): " } ?? ""
        let hint = Suggestion.hint(for: ref.id, in: framework.allRequirements.map(\.id), prefix: "\(framework.id):")
        throw ValidationError("\(label)no requirement '\(ref.id)' in \(framework.id)\(hint)")
    }
    return requirement
}

/// `FRAMEWORK:ID` text parsed and looked up.
func lookUpRequirement(_ text: String, in frameworks: [Framework], option: String? = nil) throws -> RequirementRef {
    guard let ref = RequirementRef(text) else {
        let label = option.map { "--\($0) " } ?? ""
        throw ValidationError("\(label)'\(text)' is not of the form FRAMEWORK:ID (e.g. soc2:CC6.1)")
    }
    _ = try lookUpRequirement(ref, in: frameworks, option: option)
    return ref
}

/// A customer control by id, or a usage error with "did you mean".
func lookUpControl(_ id: String, in index: MappingIndex, option: String? = "control") throws -> CustomerControl {
    if let found = index.controls[id] { return found }
    let label = option.map { "--\($0): " } ?? ""
    throw ValidationError("\(label)unknown control '\(id)'\(Suggestion.hint(for: id, in: index.controls.keys.sorted()))")
}
