import CrosswalkEvidence
@testable import CrosswalkImport
import CrosswalkFiles
import Foundation
import Testing

/// Several crosswalk processes writing to one store wait their turn.
@Suite("Concurrent writers")
struct ConcurrencyTests {
    /// Starts the built executable with `arguments`; the process and its standard error.
    static func start(_ binary: String, _ arguments: [String], asNobody: Bool = false) throws -> (Process, Pipe) {
        let process = Process()
        if asNobody {
            // The tests run as root, which may write anywhere: a read-only case runs as nobody.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, errors)
    }

    @Test("8 imports of different files in parallel processes all succeed, every finding stored once", arguments: ["a new store", "an existing store"])
    func parallelImports(_ store: String) throws {
        let existing = store == "an existing store"
        let binary = try #require(KillTests.executable, "the crosswalk executable is not built beside the tests")
        let folder = try temporaryFolder("parallel")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store/evidence.sqlite").path
        if existing { _ = try EvidenceStore(path: store, actor: "tester") }
        let template = try String(contentsOfFile: Fixtures.path("ocsf-first-scan.json"), encoding: .utf8)
        var files: [String] = []
        for i in 0..<8 {
            let path = folder.appendingPathComponent("scan-\(i).json").path
            try template.replacingOccurrences(of: "arn:aws:s3:::acme-uploads", with: "arn:aws:s3:::acme-uploads-\(i)")
                .replacingOccurrences(of: "111122223333:root", with: "111122223333:root-\(i)")
                .write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        let runs = try files.map { try Self.start(binary, ["evidence", "import", $0, "--store", store, "--frameworks", "/nonexistent"]) }
        for (index, (process, errors)) in runs.enumerated() {
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "import \(index): \(stderr.split(separator: "\n").filter { !$0.contains("no catalogues") })")
        }
        let opened = try EvidenceStore(path: store, actor: "tester")
        let items = try opened.list()
        #expect(items.count == 16)
        #expect(Set(items.compactMap { $0.finding?.resourceID }).count == 16)
        #expect(try opened.auditLog().filter { $0.action == "import" }.count == 8)
        #expect(try opened.verify().isEmpty)
    }

    @Test("a writer that waits longer than the timeout gives up with a sentence, changing nothing")
    func timeout() throws {
        let folder = try temporaryFolder("busy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("evidence.sqlite").path
        let store = try EvidenceStore(path: path, actor: "tester", busyTimeout: 0.5)
        // Another process holds the write lock for 3 s.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", "-c",
            "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(3); c.execute('ROLLBACK')",
            path,
        ]
        let output = Pipe()
        holder.standardOutput = output
        try holder.run()
        defer { holder.waitUntilExit() }
        _ = output.fileHandleForReading.availableData  // "locked"
        let started = Date()
        let error = try #require(throws: StoreError.self) {
            try store.add(.init(title: "t", kind: .document, controls: ["GOV-02"], owner: "o", effectiveFrom: "2026-01-01"))
        }
        #expect(Date().timeIntervalSince(started) >= 0.4)
        #expect(error.description == "\(path): another command has been writing to this evidence store for more than 0.5 s, so this one stopped waiting and changed nothing; run it again when the other has finished")
        holder.waitUntilExit()
        #expect(try store.list().isEmpty)
    }
}
