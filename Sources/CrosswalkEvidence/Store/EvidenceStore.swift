import CSQLiteTuning
import Crypto
import CrosswalkFiles
import CrosswalkModel
import Foundation
import GRDB

/// The embedded evidence store: SQLite (WAL) through GRDB, with attached files kept beside it by
/// SHA-256 (`files/sha256/ab/cdef…`). Every command is one transaction: a failure or a killed
/// process leaves the store as it was. Changes add revisions and append to a hash-chained audit log.
public final class EvidenceStore: Sendable {
    /// The model's value types, by their names inside the store (older code and tests use these).
    public typealias NewEvidence = CrosswalkModel.NewEvidence
    public typealias Revision = EvidenceRevision
    public typealias AuditEntry = CrosswalkModel.AuditEntry
    public typealias VerifyReport = CrosswalkModel.VerifyReport

    /// The SQLite file.
    public let path: String
    /// The folder holding the SQLite file and `files/`.
    public let folder: String
    let queue: DatabasePool
    let clock: @Sendable () -> Date
    /// Who makes the changes (recorded in revisions and the audit log).
    public let actor: String
    /// The largest file `add` and the evidence CSV may attach (``defaultMaxFileSize``, 1 GiB).
    public var maxFileSize: Int64 {
        get { limits.withLock { $0 } }
        set { limits.withLock { $0 = newValue } }
    }
    /// The file size limit, guarded so that the store stays Sendable (it is shared by the
    /// application layer's use cases as an EvidenceReading).
    private let limits = Guarded<Int64>(EvidenceStore.defaultMaxFileSize)

    /// How long a command waits for another one writing to the same store: 60 s.
    public static let defaultBusyTimeout: TimeInterval = 60

    /// How long this store waits for another writer before it gives up.
    public let busyTimeout: TimeInterval

    /// Opens (creating when needed) the store at `path` and brings its schema up to date. A
    /// command that finds another one writing waits its turn, up to `busyTimeout`.
    public init(
        path: String, actor: String, clock: @escaping @Sendable () -> Date = { Date() },
        busyTimeout: TimeInterval = EvidenceStore.defaultBusyTimeout
    ) throws {
        self.busyTimeout = busyTimeout
        self.path = path
        self.folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        self.actor = actor
        self.clock = clock
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { throw StoreError.folderAsStore(path) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.fileSystem(folder, Self.posixCode(error))
        }
        _ = Self.sqliteTuned
        do {
            // A pool: one writer, and readers that each see the last committed state (WAL), so
            // that a server's requests read at the same time and never see half a change.
            queue = try DatabasePool(path: path, configuration: Self.configuration(busyTimeout: busyTimeout))
            try Migrations.check(queue, path: path)
            try Migrations.migrate(queue)
        } catch {
            throw Self.translate(error, path: path, busyTimeout: busyTimeout)
        }
        identity = Self.fileIdentity(path)
    }

    /// How every connection to a store is set up.
    static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // Larger pages and cache: measured faster for bulk imports (page_size applies to a new store).
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA cache_size = -32768")
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        return configuration
    }

    /// The device and inode of the SQLite file: which file this store opened.
    let identity: FileIdentity?

    struct FileIdentity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    static func fileIdentity(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Throws when the store's file is no longer at its path (its folder removed, or the file
    /// replaced): a change committed now would be lost with the removed file.
    func checkStillInPlace() throws {
        guard let identity, Self.fileIdentity(path) == identity else { throw StoreError.removedWhileOpen(path) }
    }

    /// Once per process, before SQLite's first use: no memory statistics (a global mutex taken
    /// on every allocation; 7 % of SQLite's time in a large import, measured in a C harness).
    private static let sqliteTuned: Int32 = crosswalk_sqlite_disable_memstatus()

    // MARK: - Time

    /// A short account of an error from opening or using the store, without the store's path
    /// (for a message that names it already): a sentence, never SQLite's message or SQL.
    public static func describe(_ error: Error) -> String {
        if let error = error as? StoreError, let reason = error.reason { return reason }
        if error is DatabaseError, let translated = translate(error, path: "", busyTimeout: defaultBusyTimeout) as? StoreError,
            let reason = translated.reason
        {
            return reason
        }
        return "\(error)"
    }

    /// UTC, to the second: `2026-11-22T15:23:48Z`.
    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    var now: String { Self.timestamp(clock()) }
    var today: String { String(now.prefix(10)) }

    // MARK: - Adding evidence

    /// What `crosswalk evidence add` collects.

    /// Adds an evidence item, copying its files into the store first (content-addressed, so a
    /// failed transaction leaves at most an unreferenced copy, never a half-written record).
    @discardableResult
    public func add(_ new: NewEvidence) throws -> EvidenceItem {
        var restored: [String] = []
        let stored = try new.files.map { try storeFile(at: $0, restored: &restored) }
        let at = now
        let id: Int64 = try write { db in
            let id = try Self.insertManual(db, new, uid: "manual:" + UUID().uuidString.lowercased(), files: stored, at: at)
            let item = try Self.fetchItem(db, id: id)!
            try Self.recordRevision(db, item: item, at: at, by: actor)
            try Self.appendAudit(
                db, at: at, actor: actor, action: "add", subject: item.displayID,
                detail: "kind=\(new.kind.rawValue) title=\(new.title) files=\(stored.map(\.sha256).joined(separator: ","))")
            try Self.auditRestored(db, restored, at: at, actor: actor, by: item.displayID)
            return id
        }
        return try item(id)!
    }

    /// Inserts a manual evidence item with its links and files (inside the caller's transaction).
    static func insertManual(_ db: Database, _ new: NewEvidence, uid: String, files: [EvidenceFile], at: String) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO evidence (uid, kind, title, owner, source, effective_from, effective_to, added_at,
                                      expires_at, status, notes, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """,
            arguments: [
                uid, new.kind.rawValue, new.title, new.owner, new.source, new.effectiveFrom, new.effectiveTo, at,
                new.expiresAt, new.status.rawValue, new.notes,
            ])
        let id = db.lastInsertedRowID
        for control in new.controls {
            try db.execute(sql: "INSERT OR IGNORE INTO evidence_link (evidence_id, control_id) VALUES (?, ?)", arguments: [id, control])
        }
        for ref in new.requirements {
            try db.execute(
                sql: "INSERT OR IGNORE INTO evidence_link (evidence_id, framework, requirement_id) VALUES (?, ?, ?)",
                arguments: [id, ref.framework, ref.id])
        }
        for file in files {
            try db.execute(
                sql: "INSERT INTO evidence_file (evidence_id, name, sha256, size, stored_path, added_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, file.name, file.sha256, file.size, file.storedPath, at])
        }
        return id
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 { FileDigest.hex(digest) }

    /// SHA-256 of bytes in memory, as lowercase hex.
    public static func sha256(of bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// SHA-256 and size of a file on disk, read in 1 MB chunks; each chunk is also handed to `each`.
    public static func sha256(ofFile path: String, each: (Data) throws -> Void = { _ in }) throws -> (digest: String, size: Int64) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.cannotRead(path) }
        defer { try? handle.close() }
        return try sha256(of: handle, path: path, each: each)
    }

    // MARK: - Changing evidence

    /// Accepts or rejects (or returns to draft/submitted) an item: a new revision, never an overwrite.
    @discardableResult
    public func setStatus(_ id: Int64, to status: EvidenceStatus, note: String? = nil) throws -> EvidenceItem {
        let at = now
        try write { db in
            guard let before = try Self.fetchItem(db, id: id) else { throw StoreError.noSuchItem(id) }
            var notes = before.notes
            if let note, !note.isEmpty { notes = notes.isEmpty ? note : notes + "\n" + note }
            try db.execute(
                sql: "UPDATE evidence SET status = ?, notes = ?, revision = revision + 1 WHERE id = ?",
                arguments: [status.rawValue, notes, id])
            let after = try Self.fetchItem(db, id: id)!
            try Self.recordRevision(db, item: after, at: at, by: actor)
            try Self.appendAudit(
                db, at: at, actor: actor, action: status.rawValue, subject: after.displayID,
                detail: "status \(before.status.rawValue) -> \(status.rawValue)\(note.map { " note=\($0)" } ?? "")")
        }
        return try item(id)!
    }

    /// A revision: the item as it was after one change.

    public func revisions(of id: Int64) throws -> [Revision] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT revision, changed_at, changed_by, snapshot FROM evidence_revision WHERE evidence_id = ? ORDER BY revision",
                arguments: [id]
            ).map { Revision(revision: $0["revision"], changedAt: $0["changed_at"], changedBy: $0["changed_by"], snapshot: $0["snapshot"]) }
        }
    }

    static func recordRevision(_ db: Database, item: EvidenceItem, at: String, by actor: String) throws {
        let snapshot: [String: Any] = [
            "title": item.title, "kind": item.kind.rawValue, "owner": item.owner, "source": item.source,
            "effectiveFrom": item.effectiveFrom, "effectiveTo": item.effectiveTo ?? NSNull(),
            "expiresAt": item.expiresAt ?? NSNull(), "status": item.status.rawValue, "notes": item.notes,
            "controls": item.controls, "requirements": item.requirements.map(\.description),
            "files": item.files.map { ["name": $0.name, "sha256": $0.sha256, "size": $0.size] },
        ]
        let data = try JSONSerialization.data(withJSONObject: snapshot, options: [.sortedKeys])
        try db.execute(
            sql: "INSERT INTO evidence_revision (evidence_id, revision, changed_at, changed_by, snapshot) VALUES (?, ?, ?, ?, ?)",
            arguments: [item.id, item.revision, at, actor, String(decoding: data, as: UTF8.self)])
    }

    // MARK: - Audit log

    /// The hash that chains an audit entry to the previous one.
    static func auditHash(prev: String, at: String, actor: String, action: String, subject: String, detail: String) -> String {
        var hasher = SHA256()
        for field in [prev, at, actor, action, subject, detail] {
            hasher.update(data: Data(field.utf8))
            hasher.update(data: Data([0x1F]))  // unit separator: fields cannot run into each other
        }
        return hex(hasher.finalize())
    }

    static let genesis = String(repeating: "0", count: 64)

    static func appendAudit(_ db: Database, at: String, actor: String, action: String, subject: String, detail: String) throws {
        let prev = try String.fetchOne(db, sql: "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1") ?? genesis
        let hash = auditHash(prev: prev, at: at, actor: actor, action: action, subject: subject, detail: detail)
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [at, actor, action, subject, detail, prev, hash])
    }

    /// One entry of the audit log.

    public func auditLog() throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY seq").map {
                AuditEntry(seq: $0["seq"], at: $0["at"], actor: $0["actor"], action: $0["action"], subject: $0["subject"], detail: $0["detail"], hash: $0["hash"])
            }
        }
    }

    // MARK: - Verification

    /// What `verify` found.

    /// Re-hashes every stored file and re-computes the audit chain. Every problem is returned.
    public func verify() throws -> [String] { try verifyReport().problems }

    /// Re-hashes every stored file, checks that the store's folders are its own (no symbolic
    /// links) and re-computes the audit chain.
    public func verifyReport() throws -> VerifyReport {
        var report = VerifyReport()
        let (files, log) = try read { db in
            (
                try Row.fetchAll(db, sql: "SELECT evidence_id, name, sha256, size, stored_path FROM evidence_file ORDER BY evidence_id, stored_path"),
                try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY seq")
            )
        }
        for relative in ["files", "files/sha256"] + ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/files/sha256"))?.sorted().map { "files/sha256/" + $0 } ?? []) {
            var info = stat()
            if lstat(folder + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                report.problems.append(StoreError.linkInStore(folder + "/" + relative).description)
            }
        }
        let again = "adding the original file again (evidence add --file) re-stores it"
        for row in files {
            let stored: String = row["stored_path"]
            let expected: String = row["sha256"]
            let id: Int64 = row["evidence_id"]
            let what = "evidence E-\(id), \(row["name"] as String)"
            let full = folder + "/" + stored
            var info = stat()
            guard lstat(full, &info) == 0 else {
                report.problems.append("\(full): missing (\(what)); \(again)")
                continue
            }
            guard info.st_mode & S_IFMT == S_IFREG else {
                let kind = info.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : "not a file"
                report.problems.append("\(full): is \(kind), not the stored copy (\(what)); \(again)")
                continue
            }
            guard let (digest, size) = try? Self.sha256(ofFile: full) else {
                report.problems.append("\(full): cannot be read (\(what)); check its permissions and the disk")
                continue
            }
            if digest != expected || size != (row["size"] as Int64) {
                report.problems.append("\(full): content changed (\(what)): sha256 \(digest), expected \(expected); \(again)")
            }
        }
        for file in incomingFiles() {
            report.notes.append(
                "\(file.path): a partial copy (\(Attachment.byteCount(file.size)), last written \(Self.timestamp(file.modified))) left by an evidence add or import that did not finish; the next evidence add or import removes it once it is an hour old")
        }
        for row in log where (row["action"] as String) == "restore" {
            report.notes.append(
                "\(folder)/\(row["subject"] as String): re-stored on \(row["at"] as String) by \(row["actor"] as String): the copy there did not match its SHA-256 (it had been changed, planted or replaced by a link)")
        }
        var prev = Self.genesis
        for row in log {
            let seq: Int64 = row["seq"]
            let recorded: String = row["hash"]
            let recordedPrev: String = row["prev_hash"]
            let computed = Self.auditHash(
                prev: prev, at: row["at"], actor: row["actor"], action: row["action"], subject: row["subject"], detail: row["detail"])
            if recordedPrev != prev {
                report.problems.append("\(path): audit log entry \(seq) does not follow entry \(seq - 1) (an entry was removed or reordered)")
            } else if computed != recorded {
                report.problems.append("\(path): audit log entry \(seq) was altered (its hash does not match its content)")
            }
            prev = recorded
        }
        return report
    }
}

/// Failures of the store.
public enum StoreError: Error, CustomStringConvertible {
    case cannotRead(String)
    case cannotWrite(String)
    /// A file that cannot be evidence, and why (`is a folder, not a file …`).
    case cannotAttach(String, String)
    /// A symbolic link inside the store's `files` folder.
    case linkInStore(String)
    /// Something other than a folder where the store keeps one.
    case notAFolderInStore(String)
    case noSuchItem(Int64)
    /// Another command held the store's write lock for longer than the timeout (seconds).
    case busy(String, TimeInterval)
    /// `--store` names a folder.
    case folderAsStore(String)
    /// The file is not a Crosswalk evidence store, and why.
    case notAStore(String, String)
    /// The store was written by a newer Crosswalk (its schema has these unknown migrations).
    case newerStore(String, [String])
    /// This user may not write the file or folder.
    case permissionDenied(String)
    /// No space left on the disk holding the file.
    case diskFull(String)
    /// SQLite reports the store damaged.
    case damaged(String)
    /// The disk failed to read or write.
    case ioError(String)
    /// SQLite refused a change, with a short account of why (never the SQL).
    case refused(String, String)
    /// The store's file was removed or replaced while a command had it open.
    case removedWhileOpen(String)
    /// A caller handed the store something it cannot take (an import's file, and what is wrong).
    case unusable(String, String)
    /// A sink used after its import ended (a programming error of the caller).
    case importEnded(String)

    /// What is wrong with the store, without its path (for a message that names it already).
    public var reason: String? {
        switch self {
        case .busy(_, let timeout):
            return "another command has been writing to this evidence store for more than \(String(format: "%g", timeout)) s, so this one stopped waiting and changed nothing; run it again when the other has finished"
        case .folderAsStore(let path):
            return "is a folder, not an evidence store: --store (or CROSSWALK_STORE) names the store's SQLite file, such as \(path)/evidence.sqlite"
        case .notAStore(_, let why):
            return "is not a Crosswalk evidence store (\(why)); give --store the store's evidence.sqlite, or a path where there is no file yet to make a new store"
        case .newerStore(_, let unknown):
            return "was written by a newer version of Crosswalk (its schema has \(unknown.sorted().joined(separator: "; "))); use that version or a later one: this one cannot read it safely and changed nothing"
        case .permissionDenied:
            return "permission denied: this user may not write it or its folder (every evidence command opens the store for writing, and SQLite keeps its -wal and -shm files beside it); run the command as the store's owner, or ask them for write access"
        case .removedWhileOpen:
            return "was removed or replaced while this command was writing to it, so nothing was stored (the change would have gone with the removed file); check who removed it, restore the store from a backup if needed, and run the command again"
        case .diskFull:
            return "the disk is full; free some space and run the command again (nothing was changed)"
        case .damaged:
            return "the evidence store is damaged (SQLite reports it corrupt); restore it from a backup, and keep the damaged copy for investigation"
        case .ioError:
            return "the disk could not read or write it (an I/O error); check the disk, then run the command again (nothing was changed)"
        case .refused(_, let why):
            return "the evidence store refused a change (\(why)) and nothing was changed; the store may have been edited by hand: run crosswalk evidence verify, and report this if it finds nothing"
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .cannotRead(let path): return "\(path): cannot be read; check that it is a file and that this user may read it"
        case .cannotAttach(let path, let problem): return "\(path): \(problem)"
        case .linkInStore(let path):
            return "\(path): is a symbolic link inside the evidence store; the store keeps its files in its own folders only (replace the link with a folder, or move the store's files back into it)"
        case .notAFolderInStore(let path):
            return "\(path): is not a folder, where the evidence store keeps one; move it out of the way"
        case .cannotWrite(let path): return "\(path): cannot be written; check that its folder exists and that this user may write there"
        case .noSuchItem(let id): return "no evidence item E-\(id)"
        case .unusable(let file, let problem): return "\(file): \(problem); nothing was imported"
        case .importEnded(let path): return "\(path): this import has already ended (committed or abandoned); start a new one"
        case .busy(let path, _), .folderAsStore(let path), .notAStore(let path, _), .newerStore(let path, _),
            .permissionDenied(let path), .diskFull(let path), .damaged(let path), .ioError(let path), .refused(let path, _),
            .removedWhileOpen(let path):
            return "\(path): \(reason!)"
        }
    }
}

// MARK: - The model's store interface

extension EvidenceStore: EvidenceWriting {
    public var fileFolder: String? { folder }

    public var location: String { path }

    public func explain(_ error: Error) -> String { Self.describe(error) }
}

/// A value behind a lock.
final class Guarded<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
