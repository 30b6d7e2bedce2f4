import CrosswalkAssess
import CrosswalkLoad
import CrosswalkModel

/// The catalogues and mappings of a workspace, loaded, checked and indexed: what every use case
/// starts from.
public struct Project: Sendable {
    public var frameworks: [Framework]
    public var mappings: MappingSet
    public var index: MappingIndex
    /// Where they were read from.
    public var workspace: Workspace

    /// Loads and checks the workspace: the project, or nil with the diagnostics that stop it (every
    /// error of the catalogues and mappings, then of the references between them).
    public static func open(_ workspace: Workspace) -> (project: Project?, diagnostics: Diagnostics) {
        let catalogues = workspace.loadFrameworks()
        let mappings = workspace.loadMappings()
        var problems = catalogues.diagnostics.errors + mappings.diagnostics.errors
        if problems.isEmpty {
            problems = MappingChecker(frameworks: catalogues.frameworks).check(mappings.mappings).errors
        }
        guard problems.isEmpty else { return (nil, Diagnostics(problems)) }
        let project = Project(
            frameworks: catalogues.frameworks, mappings: mappings.mappings,
            index: MappingIndex(frameworks: catalogues.frameworks, mappings: mappings.mappings), workspace: workspace)
        return (project, Diagnostics())
    }

    public init(frameworks: [Framework], mappings: MappingSet, index: MappingIndex, workspace: Workspace) {
        self.frameworks = frameworks
        self.mappings = mappings
        self.index = index
        self.workspace = workspace
    }
}
