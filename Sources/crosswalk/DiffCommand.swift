import ArgumentParser
import CrosswalkAssess
import CrosswalkEvidence
import CrosswalkModel
import CrosswalkRender
import Foundation

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What does framework B need that a programme for A does not cover?",
        discussion: """
            For every requirement of B (not the grouping levels): covered by A (A's requirement is equal or \
            wider), partial (subset or intersecting, naming A's requirements), or not-covered; links are direct \
            (crosswalks) or inferred through a shared customer control (--direct-only leaves those out). With an \
            evidence store, each row lists the evidence already collected for A's related requirements.
            Two editions joined by a version crosswalk (iso27001-2013 iso27001-2022) give each old control's and \
            clause's fate and what is new in the later edition.
            --matrix prints the pairwise coverage of the shipped frameworks (or of those named).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A (what you have) and B (what you want); with --matrix, the frameworks to compare.", valueName: "framework"))
    var frameworks: [String] = []

    @Flag(name: .long, help: "Pairwise coverage percentages of all (or the named) frameworks.") var matrix = false
    @Flag(name: .long, help: "Only direct crosswalk links, no links inferred through controls.") var directOnly = false
    @Option(name: .long, help: "Output format.") var format: Format = .text
    @Option(name: .long, help: ArgumentHelp("Evidence store to look for reusable evidence (env CROSSWALK_STORE).", valueName: "path"))
    var store: String?

    func validate() throws {
        if !matrix && frameworks.count != 2 { throw ValidationError("give two frameworks: A B (or --matrix)") }
    }

    func run() throws {
        let loaded = try Loaded(global)
        func framework(_ id: String) throws -> Framework { try lookUpFramework(id, in: loaded.frameworks) }
        if matrix {
            let chosen = try (frameworks.isEmpty ? loaded.frameworks.map(\.id) : frameworks).map(framework)
            let result = CoverageMatrix.compute(chosen, index: loaded.index, directOnly: directOnly)
            switch format {
            case .text: writeOutput(DiffRender.text(result))
            case .json: writeOutput(DiffRender.json(result))
            case .csv: writeOutput(DiffRender.csv(result))
            }
            return
        }
        let a = try framework(frameworks[0])
        let b = try framework(frameworks[1])
        guard a.id != b.id else {
            throw ValidationError("give two different frameworks: '\(a.id)' compared with itself covers everything it needs")
        }
        if let version = VersionDiff.compute(from: a, to: b, crosswalks: loaded.mappings.crosswalks),
            a.id.split(separator: "-").first == b.id.split(separator: "-").first
        {
            switch format {
            case .text: writeOutput(DiffRender.text(version))
            case .json: writeOutput(DiffRender.json(version))
            case .csv: writeOutput(DiffRender.csv(version))
            }
            return
        }
        let diff = FrameworkDiff.compute(from: a, to: b, index: loaded.index, directOnly: directOnly)
        let reuse = try evidenceReuse(diff, index: loaded.index)
        switch format {
        case .text: writeOutput(DiffRender.text(diff, reuse: reuse))
        case .json: writeOutput(DiffRender.json(diff, reuse: reuse))
        case .csv: writeOutput(DiffRender.csv(diff, reuse: reuse))
        }
    }

    /// Evidence in the store for A's requirements that cover each row (when a store exists).
    func evidenceReuse(_ diff: FrameworkDiff, index: MappingIndex) throws -> DiffRender.Reuse {
        // The store is optional here: only one named on purpose is missed out loud.
        let named = store != nil || ProcessInfo.processInfo.environment["CROSSWALK_STORE"] != nil
        guard let items = try readExistingStore(store, actor: "crosswalk diff", warn: named ? global.printer : nil, consequence: "no evidence to reuse is shown", { try $0.list() })
        else { return [:] }
        return diff.evidenceReuse(index: index, evidence: items)
    }
}
