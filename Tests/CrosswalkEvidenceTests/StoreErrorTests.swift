import CrosswalkEvidence
@testable import CrosswalkImport
import CrosswalkFiles
import Foundation
import GRDB
import Testing

/// Every store error reaches the user as a sentence naming the file and what to do: never
/// SQLite's or Foundation's own message, never SQL.
@Suite("Store errors in words")
struct StoreErrorTests {
    /// Words that only a raw library error would show.
    static let raw = ["SQLite error", "sqlite3", "NSCocoaErrorDomain", "constraint failed", "readonly database", "unable to open database", "file is not a database", "SELECT", "INSERT"]

    func expectSentence(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for word in Self.raw { #expect(!text.contains(word), "\(text)", sourceLocation: sourceLocation) }
    }

    /// Runs the built executable; exit status and standard error.
    func run(_ arguments: [String], asNobody: Bool = false) throws -> (Int32, String) {
        let binary = try #require(KillTests.executable, "the crosswalk executable is not built beside the tests")
        let (process, errors) = try ConcurrencyTests.start(binary, arguments, asNobody: asNobody)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }

    @Test("a folder given as --store: the command says to name the SQLite file in it")
    func folderAsStore() throws {
        let folder = try temporaryFolder("folder-as-store")
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in [["evidence", "list"], ["evidence", "import", Fixtures.path("ocsf-first-scan.json"), "--frameworks", "/nonexistent"]] {
            let (status, stderr) = try run(command + ["--store", folder.path])
            #expect(status == 1)
            #expect(stderr.contains("\(folder.path): is a folder, not an evidence store: --store (or CROSSWALK_STORE) names the store's SQLite file, such as \(folder.path)/evidence.sqlite"), "\(stderr)")
            expectSentence(stderr)
        }
    }

    @Test("a file that is not SQLite, and another application's SQLite database, are refused and left unchanged")
    func notAStore() throws {
        let folder = try temporaryFolder("not-a-store")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("notes-not-an-sqlite-database.sqlite").path
        try Data("meeting notes, not a database\n".utf8).write(to: URL(fileURLWithPath: text))
        let error = try #require(throws: StoreError.self) { try EvidenceStore(path: text, actor: "tester") }
        #expect(error.description == "\(text): is not a Crosswalk evidence store (not an SQLite database); give --store the store's evidence.sqlite, or a path where there is no file yet to make a new store")
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "meeting notes, not a database\n")

        let other = folder.appendingPathComponent("another-applications-database.sqlite").path
        try runSQL(other, "CREATE TABLE customers (name TEXT)")
        let refused = try #require(throws: StoreError.self) { try EvidenceStore(path: other, actor: "tester") }
        #expect(refused.description.hasPrefix("\(other): is not a Crosswalk evidence store (an SQLite database with other tables: customers)"))
        let tables = try DatabaseQueue(path: other).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(tables == ["customers"], "the store's tables were added to another application's database")
    }

    @Test("a store written by a newer Crosswalk is refused, not migrated or used")
    func newerStore() throws {
        let store = try makeStore()
        try runSQL(store.path, "INSERT INTO grdb_migrations VALUES ('v9: evidence in a future shape')")
        let error = try #require(throws: StoreError.self) { try EvidenceStore(path: store.path, actor: "tester") }
        #expect(error.description == "\(store.path): was written by a newer version of Crosswalk (its schema has v9: evidence in a future shape); use that version or a later one: this one cannot read it safely and changed nothing")
    }

    @Test("a write to a store its user may not write: permission denied, in words")
    func readOnlyStore() async throws {
        let folder = try temporaryFolder("read-only-store")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("evidence.sqlite").path
        _ = try await FindingImporter(store: try EvidenceStore(path: path, actor: "tester"), notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        // Root may write anything: then the command runs as nobody, who may only read.
        let asNobody = getuid() == 0
        try FileManager.default.setAttributes([.posixPermissions: asNobody ? 0o755 : 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasPrefix("evidence.sqlite") {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: folder.appendingPathComponent(file).path)
        }
        let (status, stderr) = try run(["evidence", "accept", "E-1", "--store", path], asNobody: asNobody)
        #expect(status == 1)
        #expect(stderr.contains("\(path): permission denied: this user may not write it or its folder"), "\(stderr)")
        expectSentence(stderr)
    }

    @Test("SQLite's codes become sentences: disk full, a missing value, a damaged store", arguments: [
        (ResultCode.SQLITE_FULL, "", "the disk is full; free some space and run the command again (nothing was changed)"),
        (ResultCode.SQLITE_CONSTRAINT, "NOT NULL constraint failed: finding.resource_id",
         "the evidence store refused a change (a finding without a resource_id) and nothing was changed; the store may have been edited by hand: run crosswalk evidence verify, and report this if it finds nothing"),
        (ResultCode.SQLITE_CORRUPT, "database disk image is malformed",
         "the evidence store is damaged (SQLite reports it corrupt); restore it from a backup, and keep the damaged copy for investigation"),
    ])
    func codes(_ c: (ResultCode, String, String)) {
        let error = DatabaseError(resultCode: c.0, message: c.1, sql: "INSERT INTO finding (resource_id) VALUES (NULL)")
        #expect(EvidenceStore.describe(error) == c.2)
        expectSentence(EvidenceStore.describe(error))
    }

    @Test("a read that fails (a folder read as a file) is a sentence, not a Foundation error")
    func readFails() throws {
        let folder = try temporaryFolder("read-a-folder")
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: StoreError.self) { try EvidenceStore.sha256(ofFile: folder.path) }
        #expect(error.description == "\(folder.path): cannot be read; check that it is a file and that this user may read it")
    }

    /// Mounts (or unmounts) a 1 MiB tmpfs; whether the command succeeded.
    static func tmpfs(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Whether this machine lets the tests mount a small tmpfs (root, and no container rule against it).
    static let canMountTmpfs: Bool = {
        guard let folder = try? temporaryFolder("tmpfs-probe") else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        guard tmpfs(["/bin/mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder.path]) else { return false }
        return tmpfs(["/bin/umount", folder.path])
    }()

    @Test(
        "a full disk while a file is copied in: a sentence naming the file, and nothing left behind",
        .enabled(if: canMountTmpfs, "needs to mount a 1 MiB tmpfs (root)"))
    func diskFull() throws {
        // A 1 MiB tmpfs holds the store.
        let mountPoint = try temporaryFolder("full-disk")
        defer { try? FileManager.default.removeItem(at: mountPoint) }
        try #require(Self.tmpfs(["/bin/mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint.path]), "mounting the tmpfs failed")
        defer { _ = Self.tmpfs(["/bin/umount", mountPoint.path]) }
        let store = try EvidenceStore(path: mountPoint.appendingPathComponent("evidence.sqlite").path, actor: "tester")
        let big = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-big-\(UUID().uuidString).bin")
        try Data(repeating: 7, count: 2 << 20).write(to: big)
        defer { try? FileManager.default.removeItem(at: big) }
        let error = try #require(throws: StoreError.self) {
            try store.add(.init(title: "big", kind: .document, controls: ["GOV-02"], owner: "o", effectiveFrom: "2026-01-01", files: [big.path]))
        }
        #expect(error.description.hasPrefix(mountPoint.path + "/files/.incoming-"), "\(error)")
        #expect(error.description.hasSuffix(": the disk is full; free some space and run the command again (nothing was changed)"), "\(error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mountPoint.path + "/files").isEmpty)
        #expect(try store.list().isEmpty)
    }
}
