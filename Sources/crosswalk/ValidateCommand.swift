import ArgumentParser
import CrosswalkApp
import CrosswalkAssess
import CrosswalkLoad
import CrosswalkRender
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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Prowler's checks folder (<service>/<check>.metadata.json) to verify check ids against (env CROSSWALK_PROWLER_CHECKS; default: ../shared/data/prowler/checks or prowler/providers/aws/services when present).",
            valueName: "dir"))
    var prowlerChecks: String?

    @Flag(name: .long, help: "Also report, per framework, how many requirements have a responsibility, services, controls and crosswalk links.")
    var coverage = false

    @Option(name: .long, help: "Output format of --coverage.")
    var format: TextOrJSON = .text

    func run() throws {
        let directory = prowlerChecks ?? ProcessInfo.processInfo.environment["CROSSWALK_PROWLER_CHECKS"]
        let report = Validator(workspace: global.workspace, prowlerChecksDirectory: directory).validate(paths: paths)
        global.printer.print(report.diagnostics.sorted)
        if let note = report.note { global.printer.print([.warning(note, at: .file(global.mappingsDirectory))]) }
        let errors = report.diagnostics.errors.count
        let warnings = report.diagnostics.items.count - errors
        let summary = "\(counted(report.filesChecked, "file")) checked: \(counted(errors, "error")), \(counted(warnings, "warning"))\n"
        if coverage {
            guard errors == 0 else {
                writeOutput(summary)
                throw ExitCode(1)
            }
            let report = MappingExchange.coverage(try Project(global))
            global.printer.print(report.warnings.items)
            if format == .json {
                writeOutput(MappingListRender.coverageJSON(report.frameworks, controls: report.controls))
            } else {
                writeOutput(MappingListRender.coverageText(report.frameworks) + "\n" + MappingListRender.controlResponsibilityText(report.controls))
            }
            // Every customer or shared requirement is covered by a control or listed as not covered.
            if !report.complete { throw ExitCode(1) }
            return
        }
        writeOutput(summary)
        if errors > 0 { throw ExitCode(1) }
    }
}
