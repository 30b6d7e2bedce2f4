import ArgumentParser
import CrosswalkAssess
import CrosswalkEvidence
import CrosswalkLoad
import CrosswalkModel
import CrosswalkRender
import Foundation

struct GapCommand: ParsableCommand {
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

    func run() throws {
        let inputs = try AssessmentInputs(global: global, scope: scope, store: store, asOf: asOf, defaultFrameworks: frameworks)
        let ids = all ? inputs.loaded.frameworks.map(\.id) : frameworks
        for id in ids { _ = try lookUpFramework(id, in: inputs.loaded.frameworks) }
        // Every document of every framework is built before any is written: a failure (a PDF
        // that does not compile, say) leaves every report folder as it was.
        let reports = try ids.map { try report($0, inputs) }
        for report in reports {
            let paths = try OutputWriter.write(report.files, in: report.folder)
            writeOutput(report.summary)
            writeOutput("wrote \(paths.dropLast().joined(separator: ", ")) and \(paths.last ?? "")\n")
        }
    }

    /// One framework's report folder, as data: the documents and their SHA256SUMS.
    struct Report {
        var folder: String
        var files: [OutputFile]
        var summary: String
    }

    func report(_ id: String, _ inputs: AssessmentInputs) throws -> Report {
        let (fw, assessment, evidence) = try inputs.assess(id)
        let loaded = inputs.loaded
        let storeFolder = inputs.store?.folder ?? ""
        let folder = out + "/" + fw.id
        var files: [OutputFile] = []
        // md, html and pdf are three renderings of one document, built once.
        let document = format == .json ? nil : GapReportRender.document(assessment, index: loaded.index, evidence: evidence)
        if format == .md || format == .all, let document { files.append(OutputFile(path: "gap-report.md", text: document.markdown())) }
        if format == .html || format == .all, let document { files.append(OutputFile(path: "gap-report.html", text: document.html())) }
        if format == .json || format == .all {
            files.append(OutputFile(path: "gap-report.json", text: GapReportRender.json(assessment, index: loaded.index)))
        }
        if format == .pdf || format == .all, let document {
            let pdf = try TypstPDF.pdf(document.typst(date: inputs.asOf), what: "the \(fw.id) gap report")
            files.append(OutputFile(path: "gap-report.pdf", bytes: pdf))
        }

        // The digest: every file written, then every evidence file the report cites (by its store path).
        var sums = ""
        for file in files { sums += "\(EvidenceStore.sha256(of: file.bytes))  \(file.path)\n" }
        for item in evidence.sorted(by: { $0.id < $1.id }) {
            for file in item.files {
                sums += "\(file.sha256)  \(relativePath(storeFolder + "/" + file.storedPath, from: folder))\n"
            }
        }
        files.append(OutputFile(path: "SHA256SUMS", text: sums))

        let counts = assessment.counts
        let summary = RequirementStatus.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
        return Report(folder: folder, files: files, summary: "\(fw.id): \(summary); coverage \(assessment.coverage)%\n")
    }
}

/// What `gap` and `soa` assess: the frameworks, the scope (file or default), the evidence store
/// (summarised once, in SQL) and the as-of date.
struct AssessmentInputs {
    var loaded: Loaded
    var scope: Scope
    var summary: EvidenceSummary
    var store: EvidenceStore?
    var asOf: String

    init(global: GlobalOptions, scope: String?, store: String?, asOf: String?, defaultFrameworks: [String]) throws {
        loaded = try Loaded(global)
        self.asOf = try asOf ?? Clock.today()

        let defaultScope = global.mappingsDirectory + "/scope.yaml"
        let scopePath = scope ?? (FileManager.default.fileExists(atPath: defaultScope) ? defaultScope : nil)
        if let scopePath {
            let (source, failure) = Workspace.read(scopePath)
            guard let source else {
                global.printer.print(failure.map { [$0] } ?? [])
                throw ExitCode(1)
            }
            let (parsed, diagnostics) = ScopeLoader.load(source, frameworks: loaded.frameworks)
            global.printer.print(diagnostics.sorted)
            guard let parsed else { throw ExitCode(1) }
            self.scope = parsed
        } else {
            let year = String(self.asOf.prefix(4))
            self.scope = Scope(
                organisation: "Your organisation", periodStart: "\(year)-01-01", periodEnd: "\(year)-12-31", frameworks: defaultFrameworks,
                soc2Categories: Scope.soc2CategoryNames, notApplicable: [:], location: .file("(default scope)"))
        }

        let day = self.asOf
        let opened = try readExistingStore(
            store, actor: "crosswalk", warn: global.printer,
            consequence: "no evidence was read, so every requirement that needs the customer's evidence is a gap"
        ) { ($0, try $0.summary(asOf: day)) }
        self.store = opened?.0
        summary = opened?.1 ?? EvidenceSummary()
    }

    /// The assessment of one framework and the evidence items it cites (read whole for the report).
    func assess(_ id: String) throws -> (framework: Framework, assessment: Assessment, evidence: [EvidenceItem]) {
        let framework = try lookUpFramework(id, in: loaded.frameworks)
        let assessment = Assessment.run(framework: framework, index: loaded.index, summary: summary, scope: scope, asOf: asOf)
        var evidence: [EvidenceItem] = []
        if let store {
            let cited = Set(assessment.requirements.flatMap(\.evidence)).compactMap { Int64($0.dropFirst(2)) }.sorted()
            do {
                evidence = try store.items(cited)
            } catch {
                throw RuntimeError("cannot read the evidence store: \(EvidenceStore.describe(error))")
            }
        }
        return (framework, assessment, evidence)
    }
}

/// `path` as seen from the folder `base` (`../store/files/sha256/…`), so that SHA256SUMS names the
/// same files wherever the tree is and `sha256sum -c SHA256SUMS` works in the report folder.
func relativePath(_ path: String, from base: String) -> String {
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    func components(_ p: String) -> [String] { URL(fileURLWithPath: p, relativeTo: here).standardizedFileURL.pathComponents }
    let target = components(path), from = components(base)
    var common = 0
    while common < min(target.count, from.count), target[common] == from[common] { common += 1 }
    return (Array(repeating: "..", count: from.count - common) + target[common...]).joined(separator: "/")
}
