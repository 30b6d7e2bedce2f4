@testable import CrosswalkEvidence
@testable import CrosswalkImport
import CrosswalkFiles
import Foundation
import GRDB
import Testing

/// The OCSF import runs on three threads (parse, store, hash) joined by bounded queues: failures on
/// either side must stop both and come back as the import's error, after any number of batches.
@Suite("Import pipeline")
struct PipelineTests {
    /// An OCSF file of `count` copies of the first fixture finding (new resource ids), then, if
    /// given, one record with a bad status.
    static func bigFile(_ count: Int, badAtEnd: Bool = false) throws -> String {
        try file(buckets: Array(0..<count), badAtEnd: badAtEnd)
    }

    /// An OCSF file of the first fixture finding on the given buckets, in order (repeats allowed).
    static func file(buckets: [Int], badAtEnd: Bool = false) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("ocsf-first-scan.json")))
        let first = try #require((try JSONSerialization.jsonObject(with: data) as? [[String: Any]])?.first)
        var records: [[String: Any]] = []
        for i in buckets {
            var copy = first
            var resource = try #require((first["resources"] as? [[String: Any]])?.first)
            resource["uid"] = "arn:aws:s3:::bucket-\(i)"
            copy["resources"] = [resource]
            records.append(copy)
        }
        if badAtEnd {
            var bad = first
            bad["status_code"] = "MAYBE"
            records.append(bad)
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-pipeline-\(UUID().uuidString).json").path
        try JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a bad record after many batches: the error names it and the store is left as it was")
    func parserFailureLate() async throws {
        let count = FindingImporter.batchSize * 8 + 5
        let path = try Self.bigFile(count, badAtEnd: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        let before = try store.list()
        do {
            _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: path)
            Issue.record("the bad record was accepted")
        } catch let error as ImportError {
            #expect(error.record == count + 1)  // the last of count + 1 records, counted from 1
            #expect(error.message.contains("status_code 'MAYBE'"))
        }
        #expect(try store.list() == before)
        // The same file without the bad record imports whole.
        let good = try Self.bigFile(count)
        defer { try? FileManager.default.removeItem(atPath: good) }
        let summary = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: good)
        #expect(summary.records == count && summary.addedItems == count)
    }

    @Test("the first finding of a check, cut by the end of a read chunk, keeps the check's requirement mapping")
    func mappingAcrossChunks() async throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("ocsf-first-scan.json")))
        let findings = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let (s3, root) = (findings[0], findings[1])
        // The root finding, padded so that the S3 finding starts 50 bytes before the first chunk ends.
        func json(_ value: Any) throws -> Data { try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) }
        var padded = root
        padded["pad"] = ""
        let length = try json(padded).count
        padded["pad"] = String(repeating: "x", count: JSONArrayStream.chunkSize - 50 - 2 - length)
        let file = Data("[".utf8) + (try json(padded)) + Data(",".utf8) + (try json(s3)) + Data("]".utf8)
        let s3Start = 2 + (try json(padded)).count
        #expect(s3Start == JSONArrayStream.chunkSize - 50)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-chunk-\(UUID().uuidString).json").path
        try file.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let store = try makeStore()
        // (Given: the padding pushes `status_code` past the 64 KB that format detection reads.)
        let summary = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: path, format: .prowlerOCSF)
        #expect(summary.records == 2)
        let item = try #require(try store.list().first { $0.finding?.checkID == "s3_bucket_default_encryption" })
        #expect(Set(item.requirements.map(\.description)) == [
            "soc2:CC6.1", "soc2:C1.1", "hipaa:164.312(a)(2)(iv)", "gdpr:Art.32", "iso27001-2022:A.8.24",
        ])
    }

    @Test("a failure while storing stops the parser thread: the error comes back and nothing hangs")
    func storeFailure() async throws {
        let path = try Self.bigFile(FindingImporter.batchSize * 20)
        defer { try? FileManager.default.removeItem(atPath: path) }
        struct Stop: Error {}
        let hasher = BackgroundSHA256()
        var batches = 0
        await #expect(throws: Stop.self) {
            try await FindingImporter.streamOCSF(path: path, hasher: hasher, notation: Fixtures.notation) { _ in
                batches += 1
                if batches == 3 { throw Stop() }
            }
        }
        #expect(batches == 3)
        _ = hasher.finish()
    }

    @Test("the file's SHA-256 from the hashing thread equals a direct hash of the file")
    func hash() async throws {
        let path = try Self.bigFile(FindingImporter.batchSize * 3)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let hasher = BackgroundSHA256()
        var count = 0
        try await FindingImporter.streamOCSF(path: path, hasher: hasher, notation: Fixtures.notation) { batch in count += batch.count }
        #expect(count == FindingImporter.batchSize * 3)
        #expect(hasher.finish() == (try EvidenceStore.sha256(ofFile: path)).0)
    }

    /// A second reader that is slow: it copies each chunk a while after being handed it.
    final class SlowReader: ChunkReader, @unchecked Sendable {
        private let condition = NSCondition()
        private var pending: [UnsafeRawBufferPointer] = []
        private var done = 0
        private var ended = false
        private(set) var bytes: [UInt8] = []
        private var thread: Thread?

        init() {
            thread = Thread { [unowned self] in
                while true {
                    condition.lock()
                    while pending.isEmpty && !ended { condition.wait() }
                    if pending.isEmpty {
                        condition.unlock()
                        return
                    }
                    let chunk = pending.removeFirst()
                    condition.unlock()
                    usleep(2000)
                    bytes.append(contentsOf: chunk)
                    condition.lock()
                    done += 1
                    condition.broadcast()
                    condition.unlock()
                }
            }
            thread?.start()
        }

        func read(_ chunk: UnsafeRawBufferPointer) {
            condition.lock()
            pending.append(chunk)
            condition.broadcast()
            condition.unlock()
        }

        func waitUntilDone(with n: Int) {
            condition.lock()
            while done <= n { condition.wait() }
            condition.unlock()
        }

        /// Ends the thread once every chunk is read; the chunks read.
        func end() -> Int {
            condition.lock()
            ended = true
            condition.broadcast()
            while !pending.isEmpty { condition.wait() }
            let count = done
            condition.unlock()
            return count
        }
    }

    @Test("a slow second reader sees every byte in order while the parser runs ahead: buffers are reused only once it is done with them")
    func sharedBuffers() throws {
        let path = try Self.bigFile(120)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // 4 KB chunks: the four buffers go round about eight times, each reused while the reader lags.
        let reader = SlowReader()
        var checks: [String] = []
        try JSONArrayStream.forEachElement(path: path, chunkReader: reader, chunkSize: 4096) { scan, start, _ in
            let (finding, end) = try FindingParsers.ocsf(scan, at: start, notation: Fixtures.notation)
            checks.append(finding.resourceID)
            return end
        }
        let chunks = reader.end()
        #expect(chunks == (file.count + 4095) / 4096)
        let firstDifference = zip(reader.bytes, file).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(reader.bytes.count == file.count && firstDifference == nil, "the reader saw other bytes from offset \(firstDifference ?? -1)")
        #expect(checks == (0..<120).map { "arn:aws:s3:::bucket-\($0)" })
    }

    @Test("an import turns SQLite's reference checks off only for itself: every reference is valid and the checks are on again, after success and failure")
    func foreignKeys() async throws {
        let store = try makeStore()
        func enforced() throws -> Int? { try store.queue.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") } }
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        #expect(try enforced() == 1)
        await #expect(throws: ImportError.self) {
            try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-bad-status-third-record.json"))
        }
        #expect(try enforced() == 1)
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-later-scan.json"))
        let (violations, observations) = try await store.queue.read { db in
            (try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count, try Int.fetchOne(db, sql: "SELECT count(*) FROM observation") ?? 0)
        }
        #expect(try enforced() == 1)
        #expect(violations == 0)
        #expect(observations > 0)
    }

    @Test("new findings are numbered without gaps whether they are looked up or inserted first: a first scan, a repeat inside a file, a scan mixing old and new")
    func numbering() async throws {
        let store = try makeStore()
        let first = try Self.file(buckets: [0, 1, 2, 2, 3])
        defer { try? FileManager.default.removeItem(atPath: first) }
        let a = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: first)
        #expect(a.records == 5 && a.addedItems == 4 && a.unchanged == 1)
        // Old, new, new again, old, new, old, new: the store's answer changes from finding to finding.
        let mixed = try Self.file(buckets: [0, 10, 10, 1, 11, 2, 12, 12])
        defer { try? FileManager.default.removeItem(atPath: mixed) }
        let b = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: mixed)
        #expect(b.records == 8 && b.addedItems == 3 && b.unchanged == 5)
        let items = try store.list().sorted { $0.id < $1.id }
        #expect(items.map(\.id) == Array(1...7))
        #expect(items.map { $0.finding?.resourceID ?? "" } == [0, 1, 2, 3, 10, 11, 12].map { "arn:aws:s3:::bucket-\($0)" })
    }

    @Test("the bounded queue: values in order, the producer waits when full, the error comes after the values, cancel frees the producer")
    func queue() throws {
        let queue = BoundedQueue<Int>(capacity: 2)
        let produced = ProducedCount()
        struct Failed: Error {}
        let producer = JoinableThread(name: "test-producer") {
            for i in 0..<5 {
                guard queue.put(i) else { return }
                produced.add()
            }
            queue.finish(throwing: Failed())
        }
        let deadline = Date().addingTimeInterval(10)
        while produced.value < 2 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        Thread.sleep(forTimeInterval: 0.1)
        #expect(produced.value == 2)  // capacity 2: the third put waits for a take
        var taken: [Int] = []
        #expect(throws: Failed.self) {
            while let value = try queue.take() { taken.append(value) }
        }
        #expect(taken == [0, 1, 2, 3, 4])
        producer.join()

        let cancelled = BoundedQueue<Int>(capacity: 1)
        let result = ProducedCount()
        let blocked = JoinableThread(name: "test-blocked") {
            _ = cancelled.put(1)
            if !cancelled.put(2) { result.add() }  // waits: full; then cancelled
        }
        Thread.sleep(forTimeInterval: 0.1)
        cancelled.cancel()
        blocked.join()
        #expect(result.value == 1)
    }
}

final class ProducedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
