import CrosswalkEvidence
import CrosswalkModel
@testable import CrosswalkImport
import CrosswalkFiles
import Foundation
import Testing

/// Observation times are read as instants: refused when they are not times, compared as instants.
@Suite("Observation times")
struct TimestampTests {
    /// Microseconds since 1970 UTC: whole seconds from Foundation (the reference), plus `micros`.
    static func reference(_ utc: String, _ micros: Int64) -> Int64 {
        Int64(ISO8601DateFormatter().date(from: utc)!.timeIntervalSince1970) * 1_000_000 + micros
    }

    @Test("the forms the tools write are read as the right instant", arguments: [
        ("2026-11-22T15:23:48.296441", "2026-11-22T15:23:48Z", Int64(296441)),  // Prowler OCSF (UTC, no zone)
        ("2026-11-22 15:23:48.296441", "2026-11-22T15:23:48Z", 296441),  // Prowler CSV
        ("2026-11-22T15:25:00Z", "2026-11-22T15:25:00Z", 0),  // Security Hub
        ("2026-11-22T15:25:00.123Z", "2026-11-22T15:25:00Z", 123000),
        ("2026-11-22T15:25:00.123000+00:00", "2026-11-22T15:25:00Z", 123000),  // the AWS CLI for Config
        ("2026-10-01T10:30:00+02:00", "2026-10-01T08:30:00Z", 0),
        ("2026-10-01T05:00:00-0500", "2026-10-01T10:00:00Z", 0),
        ("2026-10-01T05:00-05", "2026-10-01T10:00:00Z", 0),
        ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z", 0),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z", 0),
        ("2026-11-22T15:23:48.1234567891Z", "2026-11-22T15:23:48Z", 123456),
    ])
    func accepted(_ c: (String, String, Int64)) {
        #expect(Timestamp.microseconds(c.0) == Self.reference(c.1, c.2), "\(c.0)")
    }

    @Test("anything else is not a time", arguments: [
        "", "yesterday", "2026-11-22", "2026-02-30T09:00:00", "2025-02-29T09:00:00Z", "2026-13-01T00:00:00Z",
        "2026-11-22T24:00:00Z", "2026-11-22T15:60:00Z", "2026-11-22T15:23:48.Z", "2026-11-22T15:23:48+2",
        "2026-11-22T15:23:48+24:00", "01/10/2026 09:00", "2026-11-22T15:23:48Z trailing", "２０２６-11-22T15:23:48Z",
    ])
    func refused(_ text: String) {
        #expect(Timestamp.microseconds(text) == nil, "\(text)")
    }

    @Test("the latest observation is chosen by instant, not by how the time is written")
    func latestByInstant() async throws {
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-s3-fail-at-0900Z.json"))
        // 10:30+02:00 is 08:30Z: older, though it sorts after "09:00:00Z" as text.
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-s3-pass-at-0830Z-written-1030-plus-0200.json"))
        var s3 = try #require(try store.list().first)
        #expect(s3.finding?.result == .fail && s3.finding?.observedAt == "2026-10-01T09:00:00Z")
        // 05:00-05:00 is 10:00Z: newer, though it sorts before "09:00:00Z" as text.
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-s3-pass-at-1000Z-written-0500-minus-0500.json"))
        s3 = try #require(try store.list().first)
        #expect(s3.finding?.result == .pass && s3.finding?.observedAt == "2026-10-01T05:00:00-05:00")
        #expect(try store.list().count == 1)
    }

    @Test("a record whose time is not a time is refused at the time's file:line:col, all or nothing", arguments: [
        ("ocsf-second-record-time-february-30.json", 50, 26, 2, "finding_info.created_time_dt '2026-02-30T09:00:00' is not a date and time"),
        ("asff-second-record-updated-at-yesterday.json", 31, 20, 2, "UpdatedAt 'yesterday' is not a date and time"),
        ("config-first-record-time-hour-25.json", 13, 29, 1, "ResultRecordedTime '2026-10-03T25:00:05Z' is not a date and time"),
        ("prowler-csv-second-row-timestamp-day-first.csv", 3, 106, 2, "TIMESTAMP '01/10/2026 09:00' is not a date and time"),
    ])
    func refusedInFile(_ c: (String, Int, Int, Int, String)) async throws {
        let store = try makeStore()
        var importer = FindingImporter(store: store, notation: Fixtures.notation)
        importer.account = "111122223333"
        let error = try await #require(throws: ImportError.self) { try await importer.run(path: Fixtures.path(c.0)) }
        #expect(error.message.hasPrefix(c.4), "\(error)")
        #expect(error.message.hasSuffix("such as 2026-11-22T15:23:48Z (RFC 3339: a day of the calendar, then Z, an offset such as +02:00, or nothing for UTC)"))
        #expect(error.line == c.1 && error.column == c.2 && error.record == c.3, "\(error)")
        #expect(try store.list().isEmpty)
    }
}

@Suite("Observation times in older stores")
struct TimestampMigrationTests {
    @Test("a store from before instants (v2) gets them from its stored times when opened; a later scan then compares instants")
    func migratesInstants() async throws {
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-s3-fail-at-0900Z.json"))
        // Back to v2: no instants column, the v3 migration not applied.
        try runSQL(store.path, "ALTER TABLE finding DROP COLUMN observed_us")
        try runSQL(store.path, "DELETE FROM grdb_migrations WHERE identifier LIKE 'v3:%'")
        let reopened = try EvidenceStore(path: store.path, actor: "tester")
        _ = try await FindingImporter(store: reopened, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-s3-pass-at-0830Z-written-1030-plus-0200.json"))
        #expect(try reopened.list().first?.finding?.result == .fail)  // 08:30Z is older than the stored 09:00Z
        _ = try await FindingImporter(store: reopened, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-s3-pass-at-1000Z-written-0500-minus-0500.json"))
        #expect(try reopened.list().first?.finding?.result == .pass)
    }
}
