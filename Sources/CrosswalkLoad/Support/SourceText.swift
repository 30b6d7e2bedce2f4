#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CrosswalkModel

/// The bytes of one input file with a line table, turning byte offsets into `file:line:col`.
public struct SourceText: Sendable {
    /// The path used in diagnostics.
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var cursor = base
            let end = base + buffer.count
            while cursor < end, let hit = memchr(cursor, 0x0A, end - cursor) {
                let newline = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                starts.append(newline - base + 1)
                cursor = newline + 1
            }
        }
        lineStarts = starts
    }

    public init(path: String, string: String) {
        self.init(path: path, bytes: Array(string.utf8))
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    public func location(atOffset offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        // Binary search for the last line start <= offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var i = lineStarts[low]
        while i < clamped {
            // Count scalars: skip UTF-8 continuation bytes.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: path, line: low + 1, column: column)
    }

    /// The location for a 1-based line and column given by another parser.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// A location naming only this file.
    public var fileLocation: SourceLocation { .file(path) }

    /// The text decoded as UTF-8, or nil when it is not valid UTF-8.
    public var utf8String: String? {
        String(validating: bytes, as: UTF8.self)
    }
}
