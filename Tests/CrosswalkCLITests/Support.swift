import CrosswalkTestSupport
import Foundation
import Testing

/// Paths the CLI tests read: their fixtures and golden files, the load tests' catalogue fixtures,
/// the package root, the built executable and the shared data folder.
enum Paths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ relative: String) -> String {
        testsFolder.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    /// A fixture of the load tests (catalogues and files with diagnostics), which the CLI reads too.
    static func loadFixture(_ relative: String) -> String {
        root.appendingPathComponent("Tests/CrosswalkLoadTests/Fixtures").appendingPathComponent(relative).path
    }

    static func golden(_ name: String) -> String {
        testsFolder.appendingPathComponent("Golden").appendingPathComponent(name).path
    }

    /// `../shared/data` beside the package root, or nil when absent.
    static let sharedData: String? = {
        let path = root.deletingLastPathComponent().appendingPathComponent("shared/data").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// The built `crosswalk` executable, beside the test bundle.
    static var executable: String {
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            bundle.appendingPathComponent("crosswalk").path,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("crosswalk").path,
            root.appendingPathComponent(".build/debug/crosswalk").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

}

/// Compares text with a golden file of this target (see `Golden.expect`).
func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    try Golden.expect(text, file: Paths.golden(name), sourceLocation: sourceLocation)
}

/// Result of running the `crosswalk` executable.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `crosswalk` executable (or `executable`) with arguments, in the package root (or `directory`).
func runCrosswalk(
    _ arguments: [String], environment: [String: String] = [:], directory: String? = nil, executable: String? = nil
) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable ?? Paths.executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory.map { URL(fileURLWithPath: $0) } ?? Paths.root
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting so a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}
