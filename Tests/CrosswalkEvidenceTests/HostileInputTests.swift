import CrosswalkEvidence
import CrosswalkModel
import Foundation
import Testing

/// A temporary folder, removed by the caller.
func temporaryFolder(_ label: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// An evidence CSV names files the import must not take: the import stops at the file field, all
/// or nothing.
@Suite("Evidence CSV file paths")
struct CSVFilePathTests {
    /// Imports `csv` into a store holding one earlier import; the error, after checking the store
    /// was left as it was.
    func refusal(_ csv: String, configure: (inout FindingImporter) -> Void = { _ in }) throws -> ImportError {
        let store = try makeStore()
        _ = try FindingImporter(store: store).run(path: Fixtures.path("ocsf-first-scan.json"))
        let before = try store.list()
        let log = try store.auditLog()
        var importer = FindingImporter(store: store)
        configure(&importer)
        let error = try #require(throws: ImportError.self) { try importer.run(path: csv) }
        #expect(try store.list() == before)
        #expect(try store.auditLog() == log)
        let incoming = (try? FileManager.default.contentsOfDirectory(atPath: store.folder + "/files")) ?? []
        #expect(incoming.isEmpty, "a refused file was copied in: \(incoming)")
        return error
    }

    @Test("paths that lead outside the CSV's folder are refused at the file field", arguments: [
        ("evidence-list-file-absolute-path.csv", 50, "file '/etc/passwd' is an absolute path"),
        ("evidence-list-file-dotdot-path.csv", 70, "file 'files/../../Support.swift' leads outside the CSV's folder"),
    ])
    func outside(_ c: (String, Int, String)) throws {
        let error = try refusal(Fixtures.path(c.0))
        #expect(error.message.hasPrefix(c.2), "\(error)")
        #expect(error.message.contains("--allow-files-outside"), "\(error)")
        #expect(error.line == 2 && error.column == c.1 && error.record == 1, "\(error)")
        #expect(error.file == Fixtures.path(c.0))
    }

    @Test("a symbolic link inside the CSV's folder that leads out of it is refused")
    func symlinkOut() throws {
        let folder = try temporaryFolder("symlink-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("evidence.csv").path
        try FileManager.default.copyItem(atPath: Fixtures.path("evidence-list-file-symlink-out.csv"), toPath: csv)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("files"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("files/hosts.txt").path, withDestinationPath: "/etc/hosts")
        let error = try refusal(csv)
        #expect(error.message.hasPrefix("file 'files/hosts.txt' leads outside the CSV's folder"), "\(error)")
        #expect(error.message.contains("(to /etc/hosts)"), "\(error)")
        #expect(error.line == 2 && error.column == 57, "\(error)")
    }

    @Test("--allow-files-outside lets a CSV attach a file outside its folder")
    func allowedOutside() throws {
        let store = try makeStore()
        var importer = FindingImporter(store: store)
        importer.allowFilesOutside = true
        let summary = try importer.run(path: Fixtures.path("evidence-list-file-dotdot-path.csv"))
        #expect(summary.addedItems == 1)
        #expect(try store.list().first?.files.map(\.name) == ["Support.swift"])
    }

    @Test("only regular files: a device or a folder is refused, even where outside files are allowed", arguments: [
        ("evidence-list-file-device.csv", 52, "file '/dev/null' is a device, not a file"),
        ("evidence-list-file-folder.csv", 45, "file 'files' is a folder, not a file"),
    ])
    func notRegular(_ c: (String, Int, String)) throws {
        let error = try refusal(Fixtures.path(c.0)) { $0.allowFilesOutside = true }
        #expect(error.message.hasPrefix(c.2), "\(error)")
        #expect(error.line == 2 && error.column == c.1, "\(error)")
    }

    @Test("a file over the size limit is refused, naming the limit and how to raise it")
    func tooLarge() throws {
        let error = try refusal(Fixtures.path("evidence-list.csv")) { $0.store.maxFileSize = 50 }
        // access-policy.txt is 62 bytes
        #expect(error.message == "file 'files/access-policy.txt' is 62 bytes, over the limit of 50 bytes for one evidence file (raise it with --max-file-size)", "\(error)")
        #expect(error.line == 2 && error.record == 1)
    }

    @Test("evidence add refuses a device and a folder, and a file over the limit")
    func addRefuses() throws {
        let store = try makeStore()
        func add(_ path: String) throws {
            _ = try store.add(.init(title: "t", kind: .document, controls: ["GOV-02"], owner: "o", effectiveFrom: "2026-01-01", files: [path]))
        }
        for (path, problem) in [("/dev/null", "is a device, not a file"), (Fixtures.path("files"), "is a folder, not a file")] {
            let error = try #require(throws: StoreError.self) { try add(path) }
            #expect(error.description.hasPrefix("\(path): \(problem)"), "\(error)")
        }
        store.maxFileSize = 61
        let error = try #require(throws: StoreError.self) { try add(Fixtures.path("files/access-policy.txt")) }
        #expect(error.description.contains("is 62 bytes, over the limit of 61 bytes"), "\(error)")
        #expect(try store.list().isEmpty)
    }

    @Test("sizes read and print in binary units", arguments: [
        ("1073741824", Int64(1) << 30), ("512MiB", Int64(512) << 20), ("2 GiB", Int64(2) << 30), ("10G", Int64(10) << 30), ("800K", Int64(800) << 10),
    ])
    func sizes(_ c: (String, Int64)) {
        #expect(EvidenceStore.parseByteCount(c.0) == c.1)
        #expect(EvidenceStore.byteCount(EvidenceStore.defaultMaxFileSize) == "1 GiB")
        #expect(EvidenceStore.parseByteCount("lots") == nil && EvidenceStore.parseByteCount("0") == nil)
    }
}
