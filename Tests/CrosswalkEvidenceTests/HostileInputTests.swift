import CrosswalkEvidence
@testable import CrosswalkImport
import CrosswalkFiles
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
    func refusal(_ csv: String, configure: (inout FindingImporter) -> Void = { _ in }) async throws -> ImportError {
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        let before = try store.list()
        let log = try store.auditLog()
        var importer = FindingImporter(store: store, notation: Fixtures.notation)
        configure(&importer)
        let error = try await #require(throws: ImportError.self) { try await importer.run(path: csv) }
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
    func outside(_ c: (String, Int, String)) async throws {
        let error = try await refusal(Fixtures.path(c.0))
        #expect(error.message.hasPrefix(c.2), "\(error)")
        #expect(error.message.contains("--allow-files-outside"), "\(error)")
        #expect(error.line == 2 && error.column == c.1 && error.record == 1, "\(error)")
        #expect(error.file == Fixtures.path(c.0))
    }

    @Test("a symbolic link inside the CSV's folder that leads out of it is refused")
    func symlinkOut() async throws {
        let folder = try temporaryFolder("symlink-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("evidence.csv").path
        try FileManager.default.copyItem(atPath: Fixtures.path("evidence-list-file-symlink-out.csv"), toPath: csv)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("files"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("files/hosts.txt").path, withDestinationPath: "/etc/hosts")
        let error = try await refusal(csv)
        #expect(error.message.hasPrefix("file 'files/hosts.txt' leads outside the CSV's folder"), "\(error)")
        #expect(error.message.contains("(to /etc/hosts)"), "\(error)")
        #expect(error.line == 2 && error.column == 57, "\(error)")
    }

    @Test("--allow-files-outside lets a CSV attach a file outside its folder")
    func allowedOutside() async throws {
        let store = try makeStore()
        var importer = FindingImporter(store: store, notation: Fixtures.notation)
        importer.allowFilesOutside = true
        let summary = try await importer.run(path: Fixtures.path("evidence-list-file-dotdot-path.csv"))
        #expect(summary.addedItems == 1)
        #expect(try store.list().first?.files.map(\.name) == ["Support.swift"])
    }

    @Test("only regular files: a device or a folder is refused, even where outside files are allowed", arguments: [
        ("evidence-list-file-device.csv", 52, "file '/dev/null' is a device, not a file"),
        ("evidence-list-file-folder.csv", 45, "file 'files' is a folder, not a file"),
    ])
    func notRegular(_ c: (String, Int, String)) async throws {
        let error = try await refusal(Fixtures.path(c.0)) { $0.allowFilesOutside = true }
        #expect(error.message.hasPrefix(c.2), "\(error)")
        #expect(error.line == 2 && error.column == c.1, "\(error)")
    }

    @Test("a file over the size limit is refused, naming the limit and how to raise it")
    func tooLarge() async throws {
        let error = try await refusal(Fixtures.path("evidence-list.csv")) { $0.maxFileSize = 50 }
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
        #expect(Attachment.parseByteCount(c.0) == c.1)
        #expect(Attachment.byteCount(EvidenceStore.defaultMaxFileSize) == "1 GiB")
        #expect(Attachment.parseByteCount("lots") == nil && Attachment.parseByteCount("0") == nil)
    }
}

/// The store's `files` folder is the store's own: links planted in it are refused, copies
/// planted in it are not trusted, and stored copies are read-only.
@Suite("File store")
struct FileStoreTests {
    static let policy = Fixtures.path("files/access-policy.txt")

    func addPolicy(_ store: EvidenceStore) throws -> EvidenceItem {
        try store.add(.init(title: "Policy", kind: .policy, controls: ["GOV-02"], owner: "CISO", effectiveFrom: "2026-09-01", files: [Self.policy]))
    }

    func digest(_ path: String) throws -> String { try EvidenceStore.sha256(ofFile: path).digest }

    @Test("a symbolic link at files, files/sha256 or files/sha256/ab is refused; nothing is written where it leads", arguments: [
        "files", "files/sha256", "files/sha256/PREFIX",
    ])
    func linkedFolder(_ relative: String) throws {
        let store = try makeStore()
        let outside = try temporaryFolder("outside")
        defer { try? FileManager.default.removeItem(at: outside) }
        let prefix = String(try digest(Self.policy).prefix(2))
        let link = store.folder + "/" + relative.replacingOccurrences(of: "PREFIX", with: prefix)
        try FileManager.default.createDirectory(atPath: (link as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: outside.path)
        let error = try #require(throws: StoreError.self) { try addPolicy(store) }
        #expect(error.description == "\(link): is a symbolic link inside the evidence store; the store keeps its files in its own folders only (replace the link with a folder, or move the store's files back into it)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: outside.path).isEmpty, "a file was written through the link")
        #expect(try store.list().isEmpty)
    }

    @Test("a file planted at a hash path is not trusted: add re-stores the real copy and verify says so")
    func plantedBlob() throws {
        let store = try makeStore()
        let hash = try digest(Self.policy)
        let blob = store.folder + "/files/sha256/\(hash.prefix(2))/\(hash.dropFirst(2))"
        try FileManager.default.createDirectory(atPath: (blob as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("planted by someone else, 62 bytes long, the same size as it!".utf8).write(to: URL(fileURLWithPath: blob))
        let item = try addPolicy(store)
        #expect(try digest(blob) == hash)
        #expect(item.files.first?.sha256 == hash)
        let report = try store.verifyReport()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.notes == [
            "\(store.folder)/files/sha256/\(hash.prefix(2))/\(hash.dropFirst(2)): re-stored on 2026-11-22T12:00:00Z by tester: the copy there did not match its SHA-256 (it had been changed, planted or replaced by a link)"
        ])
        #expect(try store.auditLog().map(\.action) == ["add", "restore"])
    }

    @Test("a symbolic link planted at a hash path is replaced by a real copy; where it led is untouched")
    func plantedLink() throws {
        let store = try makeStore()
        let outside = try temporaryFolder("outside")
        defer { try? FileManager.default.removeItem(at: outside) }
        let target = outside.appendingPathComponent("victim.txt")
        try Data("not yours".utf8).write(to: target)
        let hash = try digest(Self.policy)
        let blob = store.folder + "/files/sha256/\(hash.prefix(2))/\(hash.dropFirst(2))"
        try FileManager.default.createDirectory(atPath: (blob as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: blob, withDestinationPath: target.path)
        _ = try addPolicy(store)
        let attributes = try FileManager.default.attributesOfItem(atPath: blob)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try digest(blob) == hash)
        #expect(try String(contentsOf: target, encoding: .utf8) == "not yours")
    }

    @Test("verify names a stored copy replaced by a link, and a folder of the store that is a link")
    func verifyLinks() throws {
        let store = try makeStore()
        let item = try addPolicy(store)
        let blob = store.folder + "/" + item.files[0].storedPath
        let outside = try temporaryFolder("outside")
        defer { try? FileManager.default.removeItem(at: outside) }
        let copy = outside.appendingPathComponent("copy").path
        try FileManager.default.copyItem(atPath: blob, toPath: copy)
        try FileManager.default.removeItem(atPath: blob)
        try FileManager.default.createSymbolicLink(atPath: blob, withDestinationPath: copy)
        #expect(try store.verify() == [
            "\(blob): is a symbolic link, not the stored copy (evidence E-1, access-policy.txt); adding the original file again (evidence add --file) re-stores it"
        ])
        let prefixFolder = (blob as NSString).deletingLastPathComponent
        try FileManager.default.removeItem(atPath: blob)
        try FileManager.default.moveItem(atPath: prefixFolder, toPath: outside.appendingPathComponent("moved").path)
        try FileManager.default.createSymbolicLink(atPath: prefixFolder, withDestinationPath: outside.appendingPathComponent("moved").path)
        #expect(try store.verify().first?.hasPrefix("\(prefixFolder): is a symbolic link inside the evidence store") == true)
    }

    @Test("stored copies are 0440 whatever the original's mode (a 0640 file is not stored 0644)")
    func storedReadOnly() throws {
        let folder = try temporaryFolder("modes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("private.txt").path
        try Data("group-only evidence".utf8).write(to: URL(fileURLWithPath: original))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: original)
        let store = try makeStore()
        let item = try store.add(.init(title: "p", kind: .document, controls: ["GOV-02"], owner: "o", effectiveFrom: "2026-01-01", files: [original]))
        let mode = try FileManager.default.attributesOfItem(atPath: store.folder + "/" + item.files[0].storedPath)[.posixPermissions] as? Int
        #expect(mode == 0o440)
    }
}

/// What a command killed while copying a file in leaves behind.
@Suite("Partial copies")
struct PartialCopyTests {
    /// A partial copy in the store's files/ folder, last written `age` seconds ago.
    func leave(_ store: EvidenceStore, age: TimeInterval, bytes: Int = 4096) throws -> String {
        let path = store.folder + "/files/.incoming-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: store.folder + "/files", withIntermediateDirectories: true)
        try Data(count: bytes).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: path)
        return path
    }

    @Test("the next add removes partial copies older than an hour, not a newer one a writer may still be filling")
    func addRemovesStale() throws {
        let store = try makeStore()
        let stale = try leave(store, age: 2 * 3600)
        let fresh = try leave(store, age: 60)
        _ = try store.add(.init(title: "t", kind: .document, controls: ["GOV-02"], owner: "o", effectiveFrom: "2026-01-01", files: [FileStoreTests.policy]))
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: fresh))
    }

    @Test("an import of findings removes them too")
    func importRemovesStale() async throws {
        let store = try makeStore()
        let stale = try leave(store, age: 2 * 3600)
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        #expect(!FileManager.default.fileExists(atPath: stale))
    }

    @Test("verify reports each partial copy as a note, with its size, and no problem")
    func verifyReports() throws {
        let store = try makeStore()
        let stale = try leave(store, age: 2 * 3600, bytes: 3 << 20)
        let report = try store.verifyReport()
        #expect(report.problems.isEmpty)
        #expect(report.notes.count == 1)
        #expect(report.notes.first?.hasPrefix("\(stale): a partial copy (3 MiB, last written ") == true, "\(report.notes)")
        #expect(report.notes.first?.hasSuffix("left by an evidence add or import that did not finish; the next evidence add or import removes it once it is an hour old") == true)
    }
}
