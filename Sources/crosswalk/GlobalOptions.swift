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

/// What `read` takes from the evidence store, when there is one (nil when there is none: reports
/// then show no evidence, and `warn` says so on standard error, naming where it looked). A store
/// that cannot be read is an error naming it. It never creates a store.
func readExistingStore<T>(
    _ given: String?, actor: String, warn printer: DiagnosticPrinter?, consequence: String = "no evidence was read",
    _ read: (EvidenceStore) throws -> T
) throws -> T? {
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
        return try read(try EvidenceStore(path: path, actor: actor))
    } catch {
        throw RuntimeError("cannot read the evidence store \(path): \(EvidenceStore.describe(error))")
    }
}

/// Rejects an option's value that is not a real calendar date (`--as-of 2026-02-30`).
func checkDate(_ value: String?, option: String) throws {
    guard let value, let problem = ISODate.problem(value) else { return }
    throw ValidationError("--\(option) '\(value)' \(problem)")
}
