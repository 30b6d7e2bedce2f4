import CrosswalkEvidence
@testable import CrosswalkImport
import CrosswalkFiles
import Foundation
import Testing

/// A process killed in the middle of an import leaves the store exactly as it was.
@Suite("Crash safety")
struct KillTests {
    static var executable: String? {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("crosswalk").path,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("crosswalk").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test("kill -9 during a large import: the store keeps only what was committed before")
    func killedImport() async throws {
        let binary = try #require(Self.executable, "the crosswalk executable is not built beside the tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let storePath = folder.appendingPathComponent("store/evidence.sqlite").path

        // A first, small import that must survive.
        let first = try EvidenceStore(path: storePath, actor: "tester")
        _ = try await FindingImporter(store: first, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        let before = try first.list()
        let logBefore = try first.auditLog()

        // A large file: the fixture's findings repeated with new resource ids (about 60 MB).
        let template = try String(contentsOfFile: Fixtures.path("ocsf-later-scan.json"), encoding: .utf8)
        let body = template.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst().dropLast()
        var big = "["
        for i in 0..<25_000 {
            if i > 0 { big += "," }
            big += body.replacingOccurrences(of: "arn:aws:s3:::acme", with: "arn:aws:s3:::acme-\(i)")
                .replacingOccurrences(of: ":root\"", with: ":root-\(i)\"")
        }
        big += "]"
        let bigPath = folder.appendingPathComponent("big.json").path
        try big.write(toFile: bigPath, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["evidence", "import", bigPath, "--store", storePath, "--frameworks", "/nonexistent"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(400_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the import finished before it could be killed; make the file larger")

        let after = try EvidenceStore(path: storePath, actor: "tester")
        #expect(try after.list() == before)
        #expect(try after.auditLog() == logBefore)
        #expect(try after.verify().isEmpty)
        try? FileManager.default.removeItem(at: folder)
    }
}
