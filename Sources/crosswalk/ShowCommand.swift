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
                try lookUpRequirement(RequirementRef(framework: framework.id, id: requirementID), in: [framework])
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
        let loaded = global.workspace.loadFrameworks()
        if let framework = loaded.frameworks.first(where: { $0.id == frameworkTarget }) { return framework }
        global.printer.print(loaded.diagnostics.errors)
        return try lookUpFramework(frameworkTarget, in: loaded.frameworks, folder: global.frameworksDirectory)
    }
}
