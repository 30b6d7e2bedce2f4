import CrosswalkApp
import CrosswalkAssess
import CrosswalkModel

// The lookups are the application layer's (Project+Lookup); these name the option a value came
// from. An unknown id is a request error: exit 64 with the subcommand's usage (CommandRunner).

/// A framework by id, or a request error with "did you mean" and the known ids.
func lookUpFramework(_ id: String, in frameworks: [Framework], option: String? = nil, folder: String? = nil) throws -> Framework {
    try Project.framework(id, in: frameworks, label: option.map { "--\($0): " } ?? "", place: folder.map { " in \($0)" } ?? "")
}

/// The requirement a `FRAMEWORK:ID` names, or a request error with "did you mean".
func lookUpRequirement(_ ref: RequirementRef, in frameworks: [Framework]) throws -> Requirement {
    try Project.requirement(ref, in: frameworks)
}
