import ArgumentParser
import CrosswalkApp
import CrosswalkAssess
import CrosswalkEvidence
import CrosswalkModel
import CrosswalkRender
import Foundation

struct DiffCommand: AsyncParsableCommand {
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

    func run() async throws {
        let project = try Project(global)
        if matrix {
            let chosen = try (frameworks.isEmpty ? project.frameworks.map(\.id) : frameworks).map { try project.framework($0) }
            let result = CoverageMatrix.compute(chosen, index: project.index, directOnly: directOnly)
            switch format {
            case .text: writeOutput(DiffRender.text(result))
            case .json: writeOutput(DiffRender.json(result))
            case .csv: writeOutput(DiffRender.csv(result))
            }
            return
        }
        // The store is optional here: only one named on purpose is missed out loud.
        let named = store != nil || ProcessInfo.processInfo.environment["CROSSWALK_STORE"] != nil
        for id in frameworks { _ = try project.framework(id) }
        let opened = try openExistingStore(
            store, actor: "crosswalk diff", warn: named ? global.printer : nil, consequence: "no evidence to reuse is shown")
        switch try await Documents.diff(project, from: frameworks[0], to: frameworks[1], directOnly: directOnly, store: opened) {
        case .editions(let version):
            switch format {
            case .text: writeOutput(DiffRender.text(version))
            case .json: writeOutput(DiffRender.json(version))
            case .csv: writeOutput(DiffRender.csv(version))
            }
        case .coverage(let diff, let reuse):
            switch format {
            case .text: writeOutput(DiffRender.text(diff, reuse: reuse))
            case .json: writeOutput(DiffRender.json(diff, reuse: reuse))
            case .csv: writeOutput(DiffRender.csv(diff, reuse: reuse))
            }
        }
    }
}
