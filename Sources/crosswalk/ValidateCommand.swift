import ArgumentParser
import CrosswalkLoad
import CrosswalkModel
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check catalogue and mapping files; print every problem as file:line:col.",
        discussion: "With no PATH, checks all of the frameworks and mappings folders. Exits 1 when any error is found."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Files or folders to check.", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        let report = Validator(workspace: global.workspace).validate(paths: paths)
        global.printer.print(report.diagnostics.sorted)
        let errors = report.diagnostics.errors.count
        let warnings = report.diagnostics.items.count - errors
        writeOutput("\(report.filesChecked) files checked: \(errors) errors, \(warnings) warnings\n")
        if errors > 0 { throw ExitCode(1) }
    }
}
