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
        @OptionGroup var output: OutputFileOption
        @Option(name: .long, help: ArgumentHelp("last-modified date (YYYY-MM-DD) when the crosswalk names none.", valueName: "date"))
        var lastModified: String?

        func validate() throws {
            try checkDate(lastModified, option: "last-modified")
        }

        func run() throws {
            let text = try MappingExchange.export(
                try Project(global), source: source, target: target, format: MappingExchange.Format(rawValue: format.rawValue)!,
                lastModified: lastModified)
            try OutputWriter.emit(text, to: output.out)
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
        @OptionGroup var output: OutputFileOption

        func run() throws {
            let (text, failure) = Workspace.read(file)
            guard let text else {
                global.printer.print(failure.map { [$0] } ?? [])
                throw ExitCode(1)
            }
            // The crosswalks already in the mappings folder, less the file this one will replace.
            let existing = global.workspace.loadMappings().mappings.crosswalks.filter { existing in
                output.out.map { URL(fileURLWithPath: $0).standardizedFileURL.path } != URL(fileURLWithPath: existing.location.file).standardizedFileURL.path
            }
            let (yaml, diagnostics) = try MappingExchange.importCollection(
                text, frameworks: global.workspace.loadFrameworks().frameworks, existing: existing, sourceFramework: source,
                targetFramework: target)
            global.printer.print(diagnostics.sorted)
            guard let yaml else { throw ExitCode(1) }
            try OutputWriter.emit(yaml, to: output.out)
        }
    }
}

/// `--out FILE`: where a command writes its document instead of standard output.
struct OutputFileOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?
}
