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
        if let asOf, !ISODate.isValid(asOf) { throw ValidationError("--as-of takes YYYY-MM-DD") }
        if frameworks.isEmpty && !all { throw ValidationError("name a framework (or several, or --all)") }
    }

    func run() throws {
        let inputs = try AssessmentInputs(global: global, scope: scope, store: store, asOf: asOf, defaultFrameworks: frameworks)
        let ids = all ? inputs.loaded.frameworks.map(\.id) : frameworks
        for id in ids { _ = try lookUpFramework(id, in: inputs.loaded.frameworks) }
        for id in ids { try report(id, inputs) }
    }

    func report(_ id: String, _ inputs: AssessmentInputs) throws {
        let (fw, assessment, evidence) = try inputs.assess(id)
        let loaded = inputs.loaded
        let day = inputs.asOf
        let storeFolder = inputs.store?.folder ?? ""
        let folder = out + "/" + fw.id
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written: [(name: String, path: String)] = []
        func write(_ name: String, _ text: String) throws {
            let target = folder + "/" + name
            try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
            written.append((name, target))
        }
        // md, html and pdf are three renderings of one document, built once.
        let document = format == .json ? nil : GapReportRender.document(assessment, index: loaded.index, evidence: evidence)
        if format == .md || format == .all, let document { try write("gap-report.md", document.markdown()) }
        if format == .html || format == .all, let document { try write("gap-report.html", document.html()) }
        if format == .json || format == .all { try write("gap-report.json", GapReportRender.json(assessment, index: loaded.index)) }
        if format == .pdf || format == .all, let document {
            let target = folder + "/gap-report.pdf"
            try TypstPDF.compile(document.typst(date: day), to: target)
            written.append(("gap-report.pdf", target))
        }

        // The digest: every file written, then every evidence file the report cites (by its store path).
        var sums = ""
        for file in written {
            let (digest, _) = try EvidenceStore.sha256(ofFile: file.path)
            sums += "\(digest)  \(file.name)\n"
        }
        for item in evidence.sorted(by: { $0.id < $1.id }) {
            for file in item.files {
                sums += "\(file.sha256)  \(relativePath(storeFolder + "/" + file.storedPath, from: folder))\n"
            }
        }
        try Data(sums.utf8).write(to: URL(fileURLWithPath: folder + "/SHA256SUMS"), options: .atomic)

        let counts = assessment.counts
        let summary = RequirementStatus.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
        writeOutput("\(fw.id): \(summary); coverage \(assessment.coverage)%\n")
        writeOutput("wrote \(written.map(\.path).joined(separator: ", ")) and \(folder)/SHA256SUMS\n")
    }
}

/// A framework by id, or an error with "did you mean".
func lookUpFramework(_ id: String, in frameworks: [Framework]) throws -> Framework {
    guard let found = frameworks.first(where: { $0.id == id }) else {
        let hint = closestID(to: id, in: frameworks.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
        throw ValidationError("no framework with id '\(id)'\(hint)")
    }
    return found
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
        let opened = try readExistingStore(store, actor: "crosswalk") { ($0, try $0.summary(asOf: day)) }
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
