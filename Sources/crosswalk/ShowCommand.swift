import ArgumentParser
import CrosswalkLoad
import CrosswalkModel
import CrosswalkRender
import Foundation

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the requirement tree of a shipped framework (by id) or of any catalogue file.",
        discussion: "FILE may be one of our catalogues (XML or YAML) or an OSCAL catalog (XML, JSON or YAML)."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A framework id (soc2, iso27001-2022, …) or a catalogue file.", valueName: "id|file"))
    var target: String

    @Option(name: .long, help: "Output format.")
    var format: TextOrJSON = .text

    @Option(name: .long, help: ArgumentHelp("Show only this many levels of the tree.", valueName: "n"))
    var depth: Int?

    func validate() throws {
        if let depth, depth < 1 { throw ValidationError("--depth must be 1 or more") }
    }

    func run() throws {
        let framework = try resolve()
        switch format {
        case .text: writeOutput(FrameworkText.render(framework, depth: depth))
        case .json: FrameworkJSON.stream(framework, depth: depth) { writeOutput($0) }
        }
    }

    private func resolve() throws -> Framework {
        let looksLikeFile = target.contains("/") || CatalogueLoader.extensions.contains(
            String(target.split(separator: ".").last ?? "").lowercased())
        if looksLikeFile || FileManager.default.fileExists(atPath: target) {
            let (framework, diagnostics) = Workspace.loadCatalogue(at: target)
            global.printer.print(diagnostics.sorted)
            guard let framework, !diagnostics.hasErrors else { throw ExitCode(1) }
            return framework
        }
        let loaded = global.workspace.loadFrameworks()
        if let framework = loaded.frameworks.first(where: { $0.id == target }) { return framework }
        global.printer.print(loaded.diagnostics.errors)
        let ids = loaded.frameworks.map(\.id)
        var message = "no framework with id '\(target)' in \(global.frameworksDirectory)"
        if let close = ids.min(by: { editDistance($0, target) < editDistance($1, target) }),
            editDistance(close, target) <= max(2, target.count / 3)
        {
            message += " (did you mean '\(close)'?)"
        }
        if !ids.isEmpty { message += "; known: \(ids.joined(separator: ", "))" }
        global.printer.print([.error(message, at: .file(global.frameworksDirectory))])
        throw ExitCode(1)
    }
}

/// Levenshtein distance, for "did you mean" on command arguments.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased()), b = Array(b.lowercased())
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + [Int](repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
