import Foundation

/// Reads a file whose content is one JSON array of objects, in chunks, and hands each element's
/// bytes to a closure: memory stays the size of one element and one chunk, whatever the file size.
struct JSONArrayStream {
    /// Where an element started, for messages: its index in the array and its line.
    struct Position {
        var index: Int
        var line: Int
    }

    struct Failure: Error {
        var message: String
        var line: Int
        var index: Int?
    }

    static let chunkSize = 1 << 20

    /// Calls `body` with each element's bytes. Throws `Failure` for a malformed array; errors thrown
    /// by `body` pass through.
    /// `onChunk` sees every byte of the file once, in order (the importer hashes the file with it).
    static func forEachElement(
        path: String, onChunk: (UnsafeRawBufferPointer) -> Void = { _ in },
        _ body: (UnsafeBufferPointer<UInt8>, Position) throws -> Void
    ) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure(message: "cannot be read", line: 0) }
        defer { try? handle.close() }

        enum State { case beforeArray, betweenElements, inElement, afterArray }
        var state = State.beforeArray
        var element: [UInt8] = []
        element.reserveCapacity(64 << 10)
        var depth = 0
        var inString = false
        var escaped = false
        var line = 1
        var elementLine = 1
        var index = 0
        var expectingElement = true  // after '[' or ','

        while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
            try chunk.withUnsafeBytes { raw in
                onChunk(raw)
                let bytes = raw.bindMemory(to: UInt8.self)
                var i = 0
                var elementChunkStart = 0
                while i < bytes.count {
                    let b = bytes[i]
                    switch state {
                    case .beforeArray:
                        if b == 0x0A { line += 1 }
                        if b == UInt8(ascii: "[") {
                            state = .betweenElements
                        } else if !(b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || (b == 0xEF || b == 0xBB || b == 0xBF)) {
                            throw Failure(message: "expected a JSON array of findings", line: line)
                        }
                        i += 1
                    case .betweenElements:
                        if b == 0x0A { line += 1 }
                        if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
                            i += 1
                        } else if b == UInt8(ascii: ",") {
                            if expectingElement { throw Failure(message: "expected a value before ','", line: line, index: index) }
                            expectingElement = true
                            i += 1
                        } else if b == UInt8(ascii: "]") {
                            if expectingElement && index > 0 { throw Failure(message: "trailing ',' before ']'", line: line) }
                            state = .afterArray
                            i += 1
                        } else if b == UInt8(ascii: "{") {
                            if !expectingElement { throw Failure(message: "expected ',' between elements", line: line, index: index) }
                            state = .inElement
                            depth = 0
                            inString = false
                            escaped = false
                            elementLine = line
                            elementChunkStart = i
                        } else {
                            throw Failure(message: "each element must be a JSON object", line: line, index: index)
                        }
                    case .inElement:
                        if inString {
                            // Most bytes are string content: jump to the next quote or backslash.
                            if escaped {
                                escaped = false
                                i += 1
                                continue
                            }
                            let base = bytes.baseAddress!
                            // Keys and short values end within a few bytes; memchr for the long ones.
                            var quick = i
                            let limit = min(bytes.count, i + 24)
                            while quick < limit, base[quick] != 0x22, base[quick] != 0x5C { quick += 1 }
                            if quick < limit, base[quick] == 0x22 {
                                i = quick + 1
                                inString = false
                                continue
                            }
                            guard let hit = memchr(base + i, 0x22, bytes.count - i) else {
                                // The string goes on into the next chunk; remember a trailing backslash.
                                var j = bytes.count - 1
                                var backslashes = 0
                                while j >= i, base[j] == 0x5C {
                                    backslashes += 1
                                    j -= 1
                                }
                                escaped = backslashes % 2 == 1
                                i = bytes.count
                                continue
                            }
                            let q = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                            var backslashes = 0
                            var j = q - 1
                            while j >= i, base[j] == 0x5C {
                                backslashes += 1
                                j -= 1
                            }
                            i = q + 1
                            if backslashes % 2 == 0 { inString = false }
                            continue
                        }
                        if b == 0x0A { line += 1 }
                        if b == UInt8(ascii: "\"") {
                            inString = true
                        } else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                            depth += 1
                        } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                            depth -= 1
                            if depth == 0 {
                                let piece = UnsafeBufferPointer(rebasing: bytes[elementChunkStart...i])
                                if element.isEmpty {
                                    try body(piece, Position(index: index, line: elementLine))
                                } else {
                                    element.append(contentsOf: piece)
                                    try element.withUnsafeBufferPointer { try body($0, Position(index: index, line: elementLine)) }
                                    element.removeAll(keepingCapacity: true)
                                }
                                index += 1
                                expectingElement = false
                                state = .betweenElements
                            }
                        }
                        i += 1
                    case .afterArray:
                        if b == 0x0A { line += 1 }
                        if !(b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09) {
                            throw Failure(message: "unexpected text after the array", line: line)
                        }
                        i += 1
                    }
                }
                if state == .inElement {
                    element.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[elementChunkStart..<bytes.count]))
                }
            }
        }
        switch state {
        case .afterArray: return
        case .beforeArray: throw Failure(message: "the file is empty or holds no JSON array", line: line)
        case .inElement: throw Failure(message: "the file ends inside element \(index) (truncated?)", line: line, index: index)
        case .betweenElements: throw Failure(message: "the file ends before the array is closed (truncated?)", line: line)
        }
    }
}
