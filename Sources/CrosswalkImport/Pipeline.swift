import CrosswalkFiles
import Foundation

/// Hands values from one producing thread to one consuming thread through a fixed number of
/// slots: `put` waits while the queue is full, `take` while it is empty. Memory stays bounded
/// however far one side runs ahead of the other.
///
/// The producer ends the stream with `finish(throwing:)`; the consumer sees the values put before,
/// then the error (or the end). A consumer that gives up calls `cancel()`: the producer's next
/// `put` returns false and it stops.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private let capacity: Int
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    /// A consumer task suspended in ``next()`` while the queue was empty.
    private var waiter: CheckedContinuation<Element?, any Error>?

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
        items.reserveCapacity(capacity)
    }

    /// Waits for a free slot; false when the consumer has cancelled (the value is dropped).
    func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        if let waiter {
            // The queue is empty and a task waits for it: the value goes straight to the task.
            self.waiter = nil
            waiter.resume(returning: element)
            return true
        }
        if head > 0 && items.count == items.capacity {
            items.removeFirst(head)
            head = 0
        }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// No more values; `error` (if any) is thrown to the consumer after the values already put.
    func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        finished = true
        failure = error
        let waiter = self.waiter
        self.waiter = nil
        condition.broadcast()
        condition.unlock()
        if let waiter {
            if let error { waiter.resume(throwing: error) } else { waiter.resume(returning: nil) }
        }
    }

    /// The next value for a consumer task, which is suspended (not blocking a thread) while the
    /// queue is empty; nil at the end; the producer's error once the values before it are taken.
    func next() async throws -> Element? {
        if let ready = try poll(parking: nil) { return ready.value }
        return try await withCheckedThrowingContinuation { continuation in
            do {
                if let ready = try poll(parking: continuation) { continuation.resume(returning: ready.value) }
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }

    /// A value, the end (`.some(nil)`) or the producer's error when one is there; otherwise nil,
    /// after leaving `continuation` (if given) for the producer's next `put` or `finish`.
    private func poll(parking continuation: CheckedContinuation<Element?, any Error>?) throws -> (value: Element?, Void)? {
        condition.lock()
        defer { condition.unlock() }
        if head < items.count {
            let element = items[head]
            head += 1
            if head == items.count {
                items.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.broadcast()
            return (element, ())
        }
        if finished {
            if let failure { throw failure }
            return (nil, ())
        }
        if let continuation { waiter = continuation }
        return nil
    }

    /// The next value; nil at the end; the producer's error once the values before it are taken.
    func take() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !finished { condition.wait() }
        if head < items.count {
            let element = items[head]
            head += 1
            if head == items.count {
                items.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.broadcast()
            return element
        }
        if let failure { throw failure }
        return nil
    }

    /// The consumer stops: a waiting or later `put` returns false.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Runs `body` on a new thread and waits for it to end with `join()`.
final class JoinableThread: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var joined = false

    init(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [done] in
            body()
            done.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Waits for the thread's body to return (once; later calls return at once).
    func join() {
        guard !joined else { return }
        done.wait()
        joined = true
    }
}

/// SHA-256 of a stream of chunks, computed on its own thread so that hashing a large file does
/// not hold up parsing it. It reads the chunks where the parser read them (see `ChunkReader`):
/// nothing is copied.
final class BackgroundSHA256: ChunkReader, @unchecked Sendable {
    private struct Chunk: @unchecked Sendable { let bytes: UnsafeRawBufferPointer }
    /// How many chunks have been hashed.
    private final class Progress: @unchecked Sendable {
        let condition = NSCondition()
        var hashed = 0
    }

    private let chunks = BoundedQueue<Chunk>(capacity: JSONArrayStream.sharedBufferCount)
    private let progress = Progress()
    private let result = StreamingSHA256()
    private let thread: JoinableThread
    private var digest: String?

    init() {
        let (chunks, progress, result) = (chunks, progress, result)
        thread = JoinableThread(name: "crosswalk-sha256") {
            while let chunk = try? chunks.take() {
                result.update(chunk.bytes)
                progress.condition.lock()
                progress.hashed += 1
                progress.condition.broadcast()
                progress.condition.unlock()
            }
        }
    }

    func read(_ chunk: UnsafeRawBufferPointer) {
        _ = chunks.put(Chunk(bytes: chunk))
    }

    func waitUntilDone(with n: Int) {
        progress.condition.lock()
        while progress.hashed <= n { progress.condition.wait() }
        progress.condition.unlock()
    }

    /// The hex digest of everything read; the thread has ended when it returns.
    /// Safe to call more than once (and on a failure path, to end the thread).
    func finish() -> String {
        if let digest { return digest }
        chunks.finish()
        thread.join()
        let value = result.finish()
        digest = value
        return value
    }
}
