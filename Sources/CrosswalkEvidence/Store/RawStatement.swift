import GRDB
import GRDBSQLite

/// A statement driven through SQLite's C API, for the one hot path where GRDB's convenience costs
/// more than the work: storing each finding of a large import (GRDB builds an argument array of
/// existentials per call). Parameters keep their values between runs, so what is the same for a
/// whole import is bound once. Runs only inside a GRDB transaction, on the database's connection;
/// finalized by `finalize()` (call it in a `defer`).
final class RawStatement {
    private let connection: OpaquePointer
    private let handle: OpaquePointer
    private let sql: String

    /// SQLite copies the bytes before the bind call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(_ db: Database, _ sql: String) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(message: "the database is closed") }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.connection = connection
        self.handle = statement
        self.sql = sql
    }

    func finalize() { sqlite3_finalize(handle) }

    func bind(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bind(index, $0) }
    }

    func bind(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        // An empty buffer may have no address: bind a zero-length text, not NULL.
        guard let base = bytes.baseAddress else {
            _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
            return
        }
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            _ = sqlite3_bind_text(handle, index, $0, Int32(bytes.count), Self.transient)
        }
    }

    func bind(_ index: Int32, _ value: Int64) { _ = sqlite3_bind_int64(handle, index, value) }

    /// Runs a statement that returns no rows; the number of rows it changed.
    @discardableResult
    func run() throws -> Int {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let failure = error()  // read the message before reset
            sqlite3_reset(handle)
            throw failure
        }
        sqlite3_reset(handle)
        return Int(sqlite3_changes(connection))
    }

    /// Runs an INSERT; false, changing nothing, when it would break a UNIQUE constraint.
    func runUnlessDuplicate() throws -> Bool {
        do {
            try run()
            return true
        } catch let failure as DatabaseError where failure.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            return false
        }
    }

    /// The first column of the first row as an integer, nil when there is no row.
    func int64() throws -> Int64? {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw error() }
        return sqlite3_column_int64(handle, 0)
    }

    /// The first column of the first row as text, nil when there is no row or it is NULL.
    func text() throws -> String? {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw error() }
        guard let text = sqlite3_column_text(handle, 0) else { return nil }
        return String(cString: text)
    }

    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(connection) }

    /// The error of a failed step: the extended code (`SQLITE_CONSTRAINT_UNIQUE`, not just
    /// `SQLITE_CONSTRAINT`) and SQLite's message.
    private func error() -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: sqlite3_extended_errcode(connection)), message: String(cString: sqlite3_errmsg(connection)),
            sql: sql)
    }
}
