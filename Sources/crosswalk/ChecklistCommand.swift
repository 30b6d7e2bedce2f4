import ArgumentParser
import CrosswalkApp
import CrosswalkAssess
import CrosswalkEvidence
import CrosswalkModel
import CrosswalkRender
import Foundation

struct ChecklistCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "The evidence checklist for control owners: one row per customer control the frameworks need.",
        discussion: """
            Controls are deduplicated across the frameworks (collect once, satisfy many). Each row has the \
            requirements it satisfies per framework, the evidence expected, owner, frequency, next due date, the \
            latest evidence in the store and a state: collected, missing, expired or failing (an automated check \
            of the control fails). AWS-inherited requirements follow, with the attestation to download from AWS Artifact.
            Example: crosswalk checklist soc2 hipaa --format xlsx --out Output/checklist.xlsx
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, xlsx, md, json }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The frameworks in scope.", valueName: "framework")) var frameworks: [String]
    @Option(name: .long, help: "Output format.") var format: Format = .md
    @Option(name: .long, help: ArgumentHelp("Write here instead of standard output (needed for xlsx).", valueName: "file"))
    var out: String?
    @Option(name: .long, help: ArgumentHelp("The day it is for (YYYY-MM-DD; default today, or CROSSWALK_NOW).", valueName: "date"))
    var asOf: String?
    @Option(name: .long, help: ArgumentHelp("Evidence store (env CROSSWALK_STORE).", valueName: "path")) var store: String?

    func validate() throws {
        if frameworks.isEmpty { throw ValidationError("name at least one framework") }
        if format == .xlsx && out == nil { throw ValidationError("--format xlsx needs --out FILE") }
        try checkDate(asOf, option: "as-of")
    }

    func run() async throws {
        let project = try Project(global)
        let opened = try openExistingStore(
            store, actor: "crosswalk checklist", warn: global.printer, consequence: "no evidence was read, so every control shows as missing")
        let checklist = try await Documents.checklist(project, frameworks: frameworks, store: opened, asOf: try asOf ?? Clock.today())
        let bytes = try Documents.render(checklist, as: Documents.ChecklistFormat(rawValue: format.rawValue)!)
        guard let out else {
            writeOutput(bytes)
            return
        }
        try OutputWriter.write([OutputFile(path: out, bytes: bytes)])
        if format == .xlsx {
            FileHandle.standardError.write(
                Data("wrote \(out): \(counted(checklist.rows.count, "control")), \(counted(checklist.inherited.count, "AWS-inherited requirement"))\n".utf8))
        }
    }
}
