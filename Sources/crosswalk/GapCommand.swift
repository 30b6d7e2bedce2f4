import ArgumentParser
import CrosswalkApp
import CrosswalkAssess
import CrosswalkEvidence
import CrosswalkLoad
import CrosswalkModel
import CrosswalkRender
import Foundation

struct GapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gap",
        abstract: "Where do we stand against a framework, why, and what next: a gap report into Output/.",
        discussion: """
            Every requirement gets a status (met, partially-met, gap, inherited, not-applicable, not-assessed) \
            with its reasons, from the mappings, the evidence store and the scope, as of a date. Writes \
            DIR/FRAMEWORK/gap-report.md, .html, .pdf and .json and a SHA256SUMS digest of them and of the evidence files they cite.
            Same inputs and --as-of: the same bytes.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, pdf, json, all }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Framework ids (several share one reading of the evidence store).", valueName: "framework"))
    var frameworks: [String] = []
    @Flag(name: .long, help: "Every shipped framework.") var all = false
    @Option(name: .long, help: "md, html, pdf, json or all.") var format: Format = .all
    @Option(name: .long, help: ArgumentHelp("Where to write (a folder per framework below it).", valueName: "dir")) var out: String = "Output"
    @Option(name: .long, help: ArgumentHelp("The assessment date (YYYY-MM-DD; default today, or CROSSWALK_NOW).", valueName: "date"))
    var asOf: String?
    @Option(name: .long, help: ArgumentHelp("Evidence store (env CROSSWALK_STORE).", valueName: "path")) var store: String?
    @Option(name: .long, help: ArgumentHelp("Scope file (default Mappings/scope.yaml when present).", valueName: "file")) var scope: String?

    func validate() throws {
        try checkDate(asOf, option: "as-of")
        if frameworks.isEmpty && !all { throw ValidationError("name a framework (or several, or --all)") }
    }

    func run() async throws {
        let context = try await assessmentContext(global: global, scope: scope, store: store, asOf: asOf, defaultFrameworks: frameworks)
        let ids = all ? context.project.frameworks.map(\.id) : frameworks
        let formats: Set<GapReports.Format> = format == .all ? Set(GapReports.Format.allCases) : [GapReports.Format(rawValue: format.rawValue)!]
        // Every document of every framework is built before any is written: a failure (a PDF
        // that does not compile, say) leaves every report folder as it was.
        let folders = try await GapReports.build(
            context, frameworks: ids, formats: formats, outFolder: out, workingDirectory: FileManager.default.currentDirectoryPath,
            pdf: TypstPDF())
        for folder in folders {
            let paths = try OutputWriter.write(folder.files, in: folder.path)
            let counts = folder.assessment.counts
            let summary = RequirementStatus.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
            writeOutput("\(folder.assessment.framework.id): \(summary); coverage \(folder.assessment.coverage)%\n")
            writeOutput("wrote \(paths.dropLast().joined(separator: ", ")) and \(paths.last ?? "")\n")
        }
    }
}

/// What `gap` and `soa` assess: the project, the scope (the file given, Mappings/scope.yaml when
/// present, else the default), the evidence store when there is one (read once), the as-of date.
/// Scope diagnostics are printed; errors stop the command (exit 1).
func assessmentContext(
    global: GlobalOptions, scope: String?, store: String?, asOf: String?, defaultFrameworks: [String]
) async throws -> AssessmentContext {
    let project = try Project(global)
    let day = try asOf ?? Clock.today()
    let (chosen, diagnostics) = ScopeChoice.load(
        path: scope, defaultPath: global.mappingsDirectory + "/scope.yaml", frameworks: project.frameworks,
        defaultFrameworks: defaultFrameworks, asOf: day, exists: { FileManager.default.fileExists(atPath: $0) })
    global.printer.print(diagnostics.sorted)
    guard let chosen else { throw ExitCode(1) }
    let opened = try openExistingStore(
        store, actor: "crosswalk", warn: global.printer,
        consequence: "no evidence was read, so every requirement that needs the customer's evidence is a gap")
    return try await AssessmentContext.make(project: project, scope: chosen, asOf: day, store: opened)
}
