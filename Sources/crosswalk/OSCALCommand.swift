import ArgumentParser
import CrosswalkApp
import CrosswalkLoad
import CrosswalkModel
import CrosswalkRender
import Foundation

struct OSCALCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oscal",
        abstract: "Exchange crosswalks as OSCAL 1.2 mapping collections.",
        subcommands: [ExportMapping.self, ImportMapping.self]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, xml }

    struct ExportMapping: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-mapping",
            abstract: "Write a shipped crosswalk (SOURCE → TARGET) as an OSCAL mapping-collection.",
            discussion: "Example: crosswalk oscal export-mapping soc2 iso27001-2022 --format xml --out soc2-iso.xml"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Source framework id.") var source: String
        @Argument(help: "Target framework id.") var target: String
        @Option(name: .long, help: "json or xml.") var format: Format = .json
        @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var out: String?
        @Option(name: .long, help: ArgumentHelp("last-modified date (YYYY-MM-DD) when the crosswalk names none.", valueName: "date"))
        var lastModified: String?

        func validate() throws {
            try checkDate(lastModified, option: "last-modified")
        }

        func run() throws {
            let loaded = try Project(global)
            for id in [source, target] { _ = try lookUpFramework(id, in: loaded.frameworks) }
            guard let crosswalk = loaded.mappings.crosswalks.first(where: { $0.source == source && $0.target == target }) else {
                let known = loaded.mappings.crosswalks.map { "\($0.source) \($0.target)" }.sorted()
                throw RuntimeError("no crosswalk from \(source) to \(target); shipped: \(known.joined(separator: ", "))")
            }
            guard let date = lastModified ?? crosswalk.date else {
                throw RuntimeError("the crosswalk has no 'date': give --last-modified YYYY-MM-DD")
            }
            let title = "Crosswalk: \(titleOf(source, loaded)) to \(titleOf(target, loaded))"
            let text = format == .json
                ? OSCALMappingWriter.json(crosswalk, lastModified: date, title: title)
                : OSCALMappingWriter.xml(crosswalk, lastModified: date, title: title)
            try OutputWriter.emit(text, to: out)
        }

        func titleOf(_ id: String, _ loaded: Project) -> String {
            loaded.frameworks.first { $0.id == id }?.title ?? id
        }
    }

    struct ImportMapping: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-mapping",
            abstract: "Read an OSCAL mapping-collection (XML, JSON or YAML) and write it as a Crosswalk crosswalk file (YAML).",
            discussion: "The framework ids come from the resources' href (file name) unless --source / --target are given."
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The OSCAL mapping collection.") var file: String
        @Option(name: .long, help: "Source framework id.") var source: String?
        @Option(name: .long, help: "Target framework id.") var target: String?
        @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var out: String?

        func run() throws {
            let (text, failure) = Workspace.read(file)
            guard let text else {
                global.printer.print(failure.map { [$0] } ?? [])
                throw ExitCode(1)
            }
            let (crosswalks, diagnostics) = OSCALMappingReader.load(text, sourceFramework: source, targetFramework: target)
            global.printer.print(diagnostics.sorted)
            if diagnostics.hasErrors { throw ExitCode(1) }
            guard crosswalks.count == 1, let crosswalk = crosswalks.first else {
                throw RuntimeError("the collection holds \(crosswalks.count) mappings; Crosswalk imports one at a time")
            }
            // The imported links must name requirements that exist, and should not repeat or
            // contradict a crosswalk already in the mappings folder.
            let frameworks = global.workspace.loadFrameworks().frameworks
            var set = MappingSet()
            set.crosswalks = [crosswalk]
            var problems = MappingChecker(frameworks: frameworks).check(set)
            let shipped = global.workspace.loadMappings().mappings.crosswalks.filter { existing in
                out.map { URL(fileURLWithPath: $0).standardizedFileURL.path } != URL(fileURLWithPath: existing.location.file).standardizedFileURL.path
            }
            problems.append(contentsOf: MappingChecker.overlaps(crosswalk, with: shipped))
            global.printer.print(problems.sorted)
            if problems.hasErrors { throw ExitCode(1) }
            try OutputWriter.emit(
                CrosswalkYAMLWriter.yaml(
                    crosswalk, date: crosswalk.date, comment: "Imported from the OSCAL mapping collection \(file)."),
                to: out)
        }
    }
}
