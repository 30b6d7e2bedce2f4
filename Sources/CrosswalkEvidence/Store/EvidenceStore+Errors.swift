import Foundation
import GRDB

extension EvidenceStore {
    // MARK: - Errors in words

    /// The store's database, read or written with every SQLite error turned into a sentence that
    /// names the store and what to do (``StoreError``); other errors pass through unchanged.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try translating { try queue.read(body) }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try translating { try queue.write(body) }
    }

    func inTransaction(_ kind: Database.TransactionKind, _ body: (Database) throws -> Database.TransactionCompletion) throws {
        try translating { try queue.writeWithoutTransaction { db in try db.inTransaction(kind) { try body(db) } } }
    }

    func inDatabase<T>(_ body: (Database) throws -> T) throws -> T {
        try translating { try queue.writeWithoutTransaction(body) }
    }

    func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Self.translate(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// The ``StoreError`` for an SQLite error on the store at `path`; any other error unchanged.
    static func translate(_ error: Error, path: String, busyTimeout: TimeInterval) -> Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError.busy(path, busyTimeout)
        case .SQLITE_FULL:
            return StoreError.diskFull(path)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return StoreError.permissionDenied(path)
        case .SQLITE_NOTADB:
            return StoreError.notAStore(path, "not an SQLite database")
        case .SQLITE_CORRUPT:
            return StoreError.damaged(path)
        case .SQLITE_IOERR:
            return StoreError.ioError(path)
        case .SQLITE_CANTOPEN:
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return StoreError.folderAsStore(path) }
            let folder = (path as NSString).deletingLastPathComponent
            if access(folder.isEmpty ? "." : folder, W_OK) != 0 || (stat(path, &info) == 0 && access(path, R_OK | W_OK) != 0) {
                return StoreError.permissionDenied(path)
            }
            return StoreError.refused(path, "SQLite could not open it")
        case .SQLITE_CONSTRAINT:
            // "NOT NULL constraint failed: finding.resource_id" → "a finding without a resource_id"
            let message = error.message ?? ""
            if let range = message.range(of: "NOT NULL constraint failed: ") {
                let column = message[range.upperBound...].split(separator: ".")
                if column.count == 2 { return StoreError.refused(path, "a \(column[0]) without a \(column[1])") }
            }
            if message.contains("UNIQUE") { return StoreError.refused(path, "a record that is there already") }
            return StoreError.refused(path, "a record that breaks one of its rules")
        default:
            return StoreError.refused(path, "SQLite error \(error.resultCode.rawValue)")
        }
    }

    /// The POSIX error code behind a Foundation file error (0 when there is none).
    static func posixCode(_ error: Error) -> Int32 {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        switch error.code {
        case NSFileWriteOutOfSpaceError: return ENOSPC
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return EACCES
        case NSFileWriteVolumeReadOnlyError: return EROFS
        default: return 0
        }
    }
}

extension StoreError {
    /// The error for a failed file operation on `path` with `errno` code `code`.
    static func fileSystem(_ path: String, _ code: Int32) -> StoreError {
        switch code {
        case ENOSPC, EDQUOT: return .diskFull(path)
        case EACCES, EPERM, EROFS: return .permissionDenied(path)
        case EIO: return .ioError(path)
        case ENOTDIR, EEXIST: return .notAFolderInStore(path)
        default: return .cannotWrite(path)
        }
    }
}
