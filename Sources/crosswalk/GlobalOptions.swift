import ArgumentParser
import CrosswalkEvidence
import CrosswalkLoad
import CrosswalkModel
import Foundation

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of framework catalogues (env CROSSWALK_FRAMEWORKS).", valueName: "dir"))
    var frameworks: String?

    @Option(name: .long, help: ArgumentHelp("Folder of mappings (env CROSSWALK_MAPPINGS).", valueName: "dir"))
    var mappings: String?

    @Flag(name: .customLong("no-color"), help: "Never colour the output (colour is used only on a terminal).")
    var noColor = false

    /// The frameworks and mappings folders (ProjectLocator: options, environment, CROSSWALK_HOME,
    /// crosswalk.yaml, the working directory, beside the executable). A project file with errors
    /// stops the command.
    var project: ProjectLocator.Result {
        ProjectCache.shared.result(frameworks: frameworks, mappings: mappings) { result in
            guard result.diagnostics.items.isEmpty else {
                printer.print(result.diagnostics.sorted)
                if result.diagnostics.hasErrors { Foundation.exit(1) }
                return
            }
        }
    }

    var frameworksDirectory: String { project.frameworksDirectory }

    var mappingsDirectory: String { project.mappingsDirectory }

    var workspace: Workspace {
        let found = project
        return Workspace(frameworksDirectory: found.frameworksDirectory, mappingsDirectory: found.mappingsDirectory, searched: found.searched)
    }

    var printer: DiagnosticPrinter { DiagnosticPrinter(colour: !noColor) }
}

/// The project folders, located once per process (options do not change while it runs).
final class ProjectCache: @unchecked Sendable {
    static let shared = ProjectCache()
    /// Guarded by `lock`.
    private var cache: [String: ProjectLocator.Result] = [:]
    private let lock = NSLock()

    func result(frameworks: String?, mappings: String?, firstTime: (ProjectLocator.Result) -> Void) -> ProjectLocator.Result {
        let key = "\(frameworks ?? "\u{0}")\u{1}\(mappings ?? "\u{0}")"
        if let known = lock.withLock({ cache[key] }) { return known }
        let located = ProjectLocator(
            frameworksOption: frameworks, mappingsOption: mappings, environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath, executable: executablePath()
        ).locate()
        lock.withLock { cache[key] = located }
        firstTime(located)
        return located
    }

    /// The running executable, links resolved (`/proc/self/exe` on Linux).
    private func executablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        let argument = CommandLine.arguments.first ?? ""
        return argument.contains("/") ? URL(fileURLWithPath: argument).resolvingSymlinksInPath().path : nil
    }
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

/// The clock of every command. CROSSWALK_NOW (ISO 8601, `2026-11-22T12:00:00Z`) fixes it, for
/// reproducible runs and tests; a value that is not such a time is an error, never ignored.
enum Clock {
    static func fixed() throws -> Date? {
        guard let text = ProcessInfo.processInfo.environment["CROSSWALK_NOW"] else { return nil }
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw RuntimeError("CROSSWALK_NOW '\(text)' is not an ISO 8601 time such as 2026-11-22T12:00:00Z")
        }
        return date
    }

    /// Today (UTC) as YYYY-MM-DD.
    static func today() throws -> String {
        String(ISO8601DateFormatter().string(from: try fixed() ?? Date()).prefix(10))
    }
}

/// The evidence store a command uses: --store, else CROSSWALK_STORE, else `.crosswalk/evidence.sqlite`.
func storePath(_ given: String?) -> String {
    given ?? ProcessInfo.processInfo.environment["CROSSWALK_STORE"] ?? ".crosswalk/evidence.sqlite"
}

/// The evidence store, when there is one (nil when there is none: reports then show no evidence,
/// and `warn` says so on standard error, naming where it looked). A store that cannot be opened is
/// an error naming it. It never creates a store.
func openExistingStore(
    _ given: String?, actor: String, warn printer: DiagnosticPrinter?, consequence: String = "no evidence was read"
) throws -> EvidenceStore? {
    let path = storePath(given)
    guard FileManager.default.fileExists(atPath: path) else {
        printer?.print([
            .warning(
                "no evidence store here: \(consequence) (give --store PATH or set CROSSWALK_STORE; evidence import creates one)",
                at: .file(path))
        ])
        return nil
    }
    do {
        return try EvidenceStore(path: path, actor: actor)
    } catch {
        throw RuntimeError("cannot read the evidence store \(path): \(EvidenceStore.describe(error))")
    }
}

/// Rejects an option's value that is not a real calendar date (`--as-of 2026-02-30`).
func checkDate(_ value: String?, option: String) throws {
    guard let value, let problem = ISODate.problem(value) else { return }
    throw ValidationError("--\(option) '\(value)' \(problem)")
}
