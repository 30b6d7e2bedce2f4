import ArgumentParser
import CrosswalkLoad
import Foundation

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of framework catalogues (env CROSSWALK_FRAMEWORKS).", valueName: "dir"))
    var frameworks: String?

    @Option(name: .long, help: ArgumentHelp("Folder of mappings (env CROSSWALK_MAPPINGS).", valueName: "dir"))
    var mappings: String?

    @Flag(name: .customLong("no-color"), help: "Never colour the output (colour is used only on a terminal).")
    var noColor = false

    var frameworksDirectory: String {
        frameworks ?? ProcessInfo.processInfo.environment["CROSSWALK_FRAMEWORKS"] ?? "Frameworks"
    }

    var mappingsDirectory: String {
        mappings ?? ProcessInfo.processInfo.environment["CROSSWALK_MAPPINGS"] ?? "Mappings"
    }

    var workspace: Workspace {
        Workspace(frameworksDirectory: frameworksDirectory, mappingsDirectory: mappingsDirectory)
    }

    var printer: DiagnosticPrinter { DiagnosticPrinter(colour: !noColor) }
}

/// Output formats for the listing commands.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// A failure while running a command (not a mistake in its arguments): printed without the usage.
struct RuntimeError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
