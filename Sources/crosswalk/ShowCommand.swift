import ArgumentParser
import CrosswalkLoad
import CrosswalkModel
import CrosswalkRender
import Foundation

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the requirement tree of a framework (by id), of one requirement, or of any catalogue file.",
        discussion: """
            TARGET is a framework id (soc2), a requirement as FRAMEWORK:ID (soc2:CC6.1, \
            hipaa:164.312(a)(2)(iv)) to show it and its children, or a file: one of our catalogues (XML or \
            YAML) or an OSCAL catalog (XML, JSON or YAML).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A framework id, FRAMEWORK:ID, or a catalogue file.", valueName: "target"))
    var target: String

    @Option(name: .long, help: "Output format.")
    var format: TextOrJSON = .text

    @Option(name: .long, help: ArgumentHelp("Show only this many levels of the tree.", valueName: "n"))
    var depth: Int?

    func validate() throws {
        if let depth, depth < 1 { throw ValidationError("--depth must be 1 or more") }
    }

    func run() throws {
        var framework = try resolve()
        if let requirementID = requirementID {
            framework.requirements = [
                try lookUp(RequirementRef(framework: framework.id, id: requirementID), in: [framework], global: global)
            ]
        }
        switch format {
        case .text: writeOutput(FrameworkText.render(framework, depth: depth))
        case .json: FrameworkJSON.stream(framework, depth: depth) { writeOutput($0) }
        }
    }

    /// `FRAMEWORK:ID` splits at the first colon when the target is not a file.
    private var frameworkTarget: String {
        isFile ? target : String(target.split(separator: ":", maxSplits: 1)[0])
    }

    private var requirementID: String? {
        guard !isFile, let colon = target.firstIndex(of: ":") else { return nil }
        let id = String(target[target.index(after: colon)...])
        return id.isEmpty ? nil : id
    }

    private var isFile: Bool {
        target.contains("/") || FileManager.default.fileExists(atPath: target)
            || CatalogueLoader.extensions.contains(String(target.split(separator: ".").last ?? "").lowercased())
                && !target.contains(":")
    }

    private func resolve() throws -> Framework {
        if isFile {
            let (framework, diagnostics) = Workspace.loadCatalogue(at: target)
            global.printer.print(diagnostics.sorted)
            guard let framework, !diagnostics.hasErrors else { throw ExitCode(1) }
            return framework
        }
        let target = frameworkTarget
        let loaded = global.workspace.loadFrameworks()
        if let framework = loaded.frameworks.first(where: { $0.id == target }) { return framework }
        global.printer.print(loaded.diagnostics.errors)
        let ids = loaded.frameworks.map(\.id)
        var message = "no framework with id '\(target)' in \(global.frameworksDirectory)"
        if let close = closestID(to: target, in: ids) {
            message += " (did you mean '\(close)'?)"
        }
        if !ids.isEmpty { message += "; known: \(ids.joined(separator: ", "))" }
        global.printer.print([.error(message, at: .file(global.frameworksDirectory))])
        throw ExitCode(1)
    }
}

/// The id closest to a mistyped one: the same letters and digits (`CC61` → `CC6.1`) first, else
/// the smallest edit distance within a third of its length.
func closestID(to word: String, in ids: [String]) -> String? {
    func letters(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber } }
    let key = letters(word)
    if let same = ids.first(where: { letters($0) == key }) { return same }
    guard let best = ids.min(by: { editDistance($0, word) < editDistance($1, word) }),
        editDistance(best, word) <= max(2, word.count / 3)
    else { return nil }
    return best
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

/// The requirement a `FRAMEWORK:ID` names, or an error with "did you mean" (exit 1).
func lookUp(_ ref: RequirementRef, in frameworks: [Framework], global: GlobalOptions) throws -> Requirement {
    guard let framework = frameworks.first(where: { $0.id == ref.framework }) else {
        var message = "no framework with id '\(ref.framework)'"
        if let close = closestID(to: ref.framework, in: frameworks.map(\.id)) { message += " (did you mean '\(close)'?)" }
        global.printer.print([.error(message, at: .file(global.frameworksDirectory))])
        throw ExitCode(1)
    }
    guard let requirement = framework.requirement(ref.id) else {
        var message = "no requirement '\(ref.id)' in \(framework.id)"
        if let close = closestID(to: ref.id, in: framework.allRequirements.map(\.id)) {
            message += " (did you mean '\(framework.id):\(close)'?)"
        }
        global.printer.print([.error(message, at: .file(framework.location.file))])
        throw ExitCode(1)
    }
    return requirement
}
