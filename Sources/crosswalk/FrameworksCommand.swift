import ArgumentParser
import CrosswalkLoad
import CrosswalkRender

struct FrameworksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frameworks",
        abstract: "List the catalogues found: id, title, version, kind and requirement count."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Output format.")
    var format: TextOrJSON = .text

    func run() throws {
        let loaded = global.workspace.loadFrameworks()
        global.printer.print(loaded.diagnostics.sorted.filter { $0.severity == .error })
        switch format {
        case .text: writeOutput(FrameworkText.renderList(loaded.frameworks))
        case .json: writeOutput(FrameworkJSON.renderList(loaded.frameworks, files: loaded.files))
        }
        if loaded.diagnostics.hasErrors { throw ExitCode(1) }
    }
}
