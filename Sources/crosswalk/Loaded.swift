import ArgumentParser
import CrosswalkApp
import CrosswalkModel

extension Project {
    /// The project of the global options' workspace; its errors are printed and stop the command
    /// (exit 1).
    init(_ global: GlobalOptions) throws {
        let (project, diagnostics) = Project.open(global.workspace)
        guard let project else {
            global.printer.print(diagnostics.sorted)
            throw ExitCode(1)
        }
        self = project
    }
}
