import Foundation

/// Reads a file whose content is one JSON array of objects in large chunks and lets a parser read
/// each element in place, in one pass: the parser returns where the element ends, and an element cut
/// by the chunk's end is parsed again once the next chunk has been appended. Memory stays the size of
/// a few chunks (plus one element), whatever the file size.
struct JSONArrayStream {
    /// Where an element is, for messages.
    struct Position {
        /// Its index in the array (0-based; messages name record index + 1).
        var index: Int
        /// The file offset of the buffer's first byte (buffer index + this = file offset).
        var bufferOffset: Int
    }

    struct Failure: Error {
        var message: String
        /// File offset of the problem.
        var offset: Int
        var index: Int?
    }

    static let chunkSize = 4 << 20

    /// Buffers read into in turn when another thread reads the chunks too (see `ChunkReader`): the
    /// parser may run this many chunks minus one ahead of it.
    static let sharedBufferCount = 4

    /// Calls `parse(scan, start, position)` for each element; `parse` returns the index just past
    /// the element and throws `JSONScan.Failure` with `truncated` when the buffer ends inside it.
    /// `chunkReader` is handed every byte of the file once, in order, without a copy; it is done
    /// with all of them when this returns (or throws).
    static func forEachElement(
        path: String, chunkReader: ChunkReader? = nil, chunkSize: Int = chunkSize,
        _ parse: (JSONScan, Int, Position) throws -> Int
    ) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Failure(message: "cannot be read", offset: 0) }
        defer { close(fd) }

        // The file is read straight into a buffer (no intermediate copies); what a parse has
        // consumed is dropped before the next read, so only a partial element is ever moved. Alone,
        // the parser reuses one buffer; with a chunk reader it takes the buffers in turn, and waits
        // before reading into one until the reader is done with the chunks it holds.
        var buffers = [(pointer: UnsafeMutablePointer<UInt8>?, capacity: Int, lastChunk: Int)](
            repeating: (nil, 0, -1), count: chunkReader == nil ? 1 : sharedBufferCount)
        var chunks = 0  // chunks read
        defer {
            if let chunkReader, chunks > 0 { chunkReader.waitUntilDone(with: chunks - 1) }
            for buffer in buffers { buffer.pointer?.deallocate() }
        }
        var storage = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize * 2)
        buffers[0] = (storage, chunkSize * 2, -1)
        var current = buffers.count - 1  // the first read goes into buffers[0]
        var count = 0  // bytes held
        var bufferOffset = 0  // file offset of storage[0]
        var cursor = 0  // next byte to look at
        var atEOF = false
        var index = 0
        var openedArray = false
        var expectingElement = true

        func refill() throws -> Bool {
            guard !atEOF else { return false }
            let next = (current + 1) % buffers.count
            if let chunkReader, buffers[next].lastChunk >= 0 { chunkReader.waitUntilDone(with: buffers[next].lastChunk) }
            let leftover = count - cursor
            if buffers[next].capacity - leftover < chunkSize {
                // A new buffer, or one element longer than a chunk: make room for it.
                let capacity = leftover + chunkSize * 2
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
                larger.initialize(from: storage + cursor, count: leftover)
                buffers[next].pointer?.deallocate()
                buffers[next] = (larger, capacity, -1)
            } else {
                memmove(buffers[next].pointer!, storage + cursor, leftover)
            }
            current = next
            storage = buffers[next].pointer!
            bufferOffset += cursor
            count = leftover
            cursor = 0
            var n: Int
            repeat { n = read(fd, storage + count, chunkSize) } while n < 0 && errno == EINTR
            guard n >= 0 else { throw Failure(message: "cannot be read: \(String(cString: strerror(errno)))", offset: bufferOffset + count) }
            guard n > 0 else {
                atEOF = true
                return false
            }
            chunkReader?.read(UnsafeRawBufferPointer(start: storage + count, count: n))
            buffers[next].lastChunk = chunks
            chunks += 1
            count += n
            return true
        }
        var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

        while true {
            // Between elements: white space, '[', ',' or ']'.
            while cursor < buffer.count, isSpace(buffer[cursor]) || (!openedArray && (buffer[cursor] == 0xEF || buffer[cursor] == 0xBB || buffer[cursor] == 0xBF)) {
                cursor += 1
            }
            if cursor >= buffer.count {
                if try refill() { continue }
                if !openedArray { throw Failure(message: "the file is empty or holds no JSON array", offset: bufferOffset + cursor) }
                throw Failure(message: "the file ends before the array is closed (truncated?)", offset: bufferOffset + cursor)
            }
            let b = buffer[cursor]
            if !openedArray {
                guard b == UInt8(ascii: "[") else { throw Failure(message: "expected a JSON array of findings", offset: bufferOffset + cursor) }
                openedArray = true
                cursor += 1
                continue
            }
            if b == UInt8(ascii: ",") {
                if expectingElement { throw Failure(message: "expected a value before ','", offset: bufferOffset + cursor, index: index) }
                expectingElement = true
                cursor += 1
                continue
            }
            if b == UInt8(ascii: "]") {
                if expectingElement && index > 0 { throw Failure(message: "trailing ',' before ']'", offset: bufferOffset + cursor) }
                cursor += 1
                // Only white space may follow.
                while true {
                    while cursor < buffer.count {
                        if !isSpace(buffer[cursor]) { throw Failure(message: "unexpected text after the array", offset: bufferOffset + cursor) }
                        cursor += 1
                    }
                    if try !refill() { return }
                }
            }
            guard b == UInt8(ascii: "{") else { throw Failure(message: "each element must be a JSON object", offset: bufferOffset + cursor, index: index) }
            guard expectingElement else { throw Failure(message: "expected ',' between elements", offset: bufferOffset + cursor, index: index) }
            let end: Int
            do {
                end = try parse(JSONScan(buffer), cursor, Position(index: index, bufferOffset: bufferOffset))
            } catch let failure as JSONScan.Failure where failure.truncated {
                if try refill() { continue }  // parse the element again with more bytes
                throw Failure(message: "the file ends inside a record (truncated?)", offset: bufferOffset + failure.offset, index: index)
            }
            cursor = end
            index += 1
            expectingElement = false
        }
    }

    /// The 1-based line and byte column of a file offset (read again from the file: only for error messages).
    static func position(ofOffset offset: Int, in path: String) -> (line: Int, column: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return (0, 0) }
        defer { try? handle.close() }
        var line = 1
        var lineStart = 0
        var read = 0
        while read < offset, let chunk = try? handle.read(upToCount: min(chunkSize, offset - read)), !chunk.isEmpty {
            for (k, byte) in chunk.enumerated() where byte == 0x0A {
                line += 1
                lineStart = read + k + 1
            }
            read += chunk.count
        }
        return (line, offset - lineStart + 1)
    }
}

/// Another reader of a streamed file's chunks (the hasher), on its own thread: it may keep reading
/// a chunk after `read` returns, until `waitUntilDone(with:)` says it is done with it. This is what
/// lets two threads read the file's bytes from one buffer, without a copy.
protocol ChunkReader: AnyObject {
    /// The next chunk (0, 1, 2, … in file order); its bytes stay valid until
    /// `waitUntilDone(with:)` for its number returns.
    func read(_ chunk: UnsafeRawBufferPointer)
    /// Returns once chunk `n` and every chunk before it have been read.
    func waitUntilDone(with n: Int)
}
