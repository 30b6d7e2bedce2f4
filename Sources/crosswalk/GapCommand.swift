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
    @Argument(help: "The framework id.") var framework: String
    @Option(name: .long, help: "md, html, pdf, json or all.") var format: Format = .all
    @Option(name: .long, help: ArgumentHelp("Where to write (a folder per framework below it).", valueName: "dir")) var out: String = "Output"
    @Option(name: .long, help: ArgumentHelp("The assessment date (YYYY-MM-DD; default today, or CROSSWALK_NOW).", valueName: "date"))
    var asOf: String?
    @Option(name: .long, help: ArgumentHelp("Evidence store (env CROSSWALK_STORE).", valueName: "path")) var store: String?
    @Option(name: .long, help: ArgumentHelp("Scope file (default Mappings/scope.yaml when present).", valueName: "file")) var scope: String?

    func validate() throws {
        if let asOf, !FindingImporter.isDate(asOf) { throw ValidationError("--as-of takes YYYY-MM-DD") }
    }

    func run() throws {
        let inputs = try AssessmentInputs(global: global, framework: framework, scope: scope, store: store, asOf: asOf)
        let (loaded, fw, evidence, storeFolder, day, assessment) =
            (inputs.loaded, inputs.framework, inputs.evidence, inputs.storeFolder, inputs.asOf, inputs.assessment)
        let folder = out + "/" + fw.id
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written: [(name: String, path: String)] = []
        func write(_ name: String, _ text: String) throws {
            let target = folder + "/" + name
            try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
            written.append((name, target))
        }
        if format == .md || format == .all {
            try write("gap-report.md", GapReportRender.markdown(assessment, index: loaded.index, evidence: evidence))
        }
        if format == .html || format == .all {
            try write("gap-report.html", GapReportRender.html(assessment, index: loaded.index, evidence: evidence))
        }
        if format == .json || format == .all { try write("gap-report.json", GapReportRender.json(assessment, index: loaded.index)) }
        if format == .pdf || format == .all {
            let target = folder + "/gap-report.pdf"
            try TypstPDF.compile(
                GapReportRender.document(assessment, index: loaded.index, evidence: evidence).typst(date: day), to: target)
            written.append(("gap-report.pdf", target))
        }

        // The digest: every file written, then every evidence file the report cites (by its store path).
        var sums = ""
        for file in written {
            let (digest, _) = try EvidenceStore.sha256(ofFile: file.path)
            sums += "\(digest)  \(file.name)\n"
        }
        let cited = Set(assessment.requirements.flatMap(\.evidence))
        for item in evidence.filter({ cited.contains($0.displayID) }).sorted(by: { $0.id < $1.id }) {
            for file in item.files { sums += "\(file.sha256)  \(storeFolder)/\(file.storedPath)\n" }
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

/// What `gap` and `soa` assess: the framework, the scope (file or default), the evidence store and
/// the as-of date, and the assessment itself.
struct AssessmentInputs {
    var loaded: Loaded
    var framework: Framework
    var evidence: [EvidenceItem]
    var storeFolder: String
    var asOf: String
    var assessment: Assessment

    init(global: GlobalOptions, framework id: String, scope: String?, store: String?, asOf: String?) throws {
        loaded = try Loaded(global)
        framework = try lookUpFramework(id, in: loaded.frameworks)
        let environment = ProcessInfo.processInfo.environment
        let now = environment["CROSSWALK_NOW"].flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date()
        self.asOf = asOf ?? String(ISO8601DateFormatter().string(from: now).prefix(10))

        let defaultScope = global.mappingsDirectory + "/scope.yaml"
        let scopePath = scope ?? (FileManager.default.fileExists(atPath: defaultScope) ? defaultScope : nil)
        let chosenScope: Scope
        if let scopePath {
            let (source, failure) = Workspace.read(scopePath)
            guard let source else {
                global.printer.print(failure.map { [$0] } ?? [])
                throw ExitCode(1)
            }
            let (parsed, diagnostics) = ScopeLoader.load(source, frameworks: loaded.frameworks)
            global.printer.print(diagnostics.sorted)
            guard let parsed else { throw ExitCode(1) }
            chosenScope = parsed
        } else {
            let year = String(self.asOf.prefix(4))
            chosenScope = Scope(
                organisation: "Your organisation", periodStart: "\(year)-01-01", periodEnd: "\(year)-12-31", frameworks: [framework.id],
                soc2Categories: Scope.soc2CategoryNames, notApplicable: [:], location: .file("(default scope)"))
        }

        let path = store ?? environment["CROSSWALK_STORE"] ?? ".crosswalk/evidence.sqlite"
        evidence = []
        storeFolder = ""
        if FileManager.default.fileExists(atPath: path) {
            do {
                let opened = try EvidenceStore(path: path, actor: "crosswalk")
                evidence = try opened.list()
                storeFolder = opened.folder
            } catch {
                throw RuntimeError("cannot read the evidence store \(path): \(EvidenceStore.describe(error))")
            }
        }
        assessment = Assessment.run(framework: framework, index: loaded.index, evidence: evidence, scope: chosenScope, asOf: self.asOf)
    }
}
