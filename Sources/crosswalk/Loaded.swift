import ArgumentParser
import CrosswalkAssess
import CrosswalkLoad
import CrosswalkModel

/// Frameworks and mappings loaded for a command; errors in either stop the command with exit 1
/// after printing every diagnostic.
struct Loaded {
    var frameworks: [Framework]
    var mappings: MappingSet
    var index: MappingIndex

    init(_ global: GlobalOptions) throws {
        let workspace = global.workspace
        let catalogues = workspace.loadFrameworks()
        let mappings = workspace.loadMappings()
        var problems = catalogues.diagnostics.errors + mappings.diagnostics.errors
        if problems.isEmpty {
            problems = MappingChecker(frameworks: catalogues.frameworks).check(mappings.mappings).errors
        }
        if !problems.isEmpty {
            global.printer.print(Diagnostics(problems).sorted)
            throw ExitCode(1)
        }
        frameworks = catalogues.frameworks
        self.mappings = mappings.mappings
        index = MappingIndex(frameworks: catalogues.frameworks, mappings: mappings.mappings)
    }
}
