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
        try translating { try queue.inTransaction(kind, body) }
    }

    func inDatabase<T>(_ body: (Database) throws -> T) throws -> T {
        try translating { try queue.inDatabase(body) }
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
        default:
            return error
        }
    }
}
