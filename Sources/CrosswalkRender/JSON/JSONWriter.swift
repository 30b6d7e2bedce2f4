/// The byte layer of `SortedJSONEncoder` (the only JSON writer of the renderers): separators,
/// indentation and escapes, in the order it is called; the encoder decides that order.
/// Output is pretty-printed with two-space indents and a final newline.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var indent = 0
    /// Whether the current container already has an element (a comma is due before the next).
    private var hasElement: [Bool] = []
    private var afterKey = false

    /// Where full chunks go when the writer streams (nil: everything stays in `bytes`).
    private let sink: (([UInt8]) -> Void)?
    private static let chunkSize = 1 << 16

    /// - Parameter capacity: bytes to reserve up front (an estimate of the output size).
    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
        sink = nil
    }

    /// A writer that hands its output to `sink` in chunks of about 64 KB, so a large document is
    /// never held whole in memory; call `finish()` at the end for the last chunk.
    init(streamingTo sink: @escaping ([UInt8]) -> Void) {
        bytes.reserveCapacity(Self.chunkSize + 4096)
        self.sink = sink
    }

    /// Hands what is left to the sink.
    mutating func finish() {
        if let sink, !bytes.isEmpty { sink(bytes) }
        if sink != nil { bytes.removeAll(keepingCapacity: true) }
    }

    private mutating func flushIfFull() {
        if let sink, bytes.count >= Self.chunkSize {
            sink(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// A line break and up to 64 levels of indentation, appended as one slice.
    private static let breakAndIndent: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 128)

    private mutating func newline() {
        bytes.append(contentsOf: Self.breakAndIndent[0..<(1 + min(indent, 64) * 2)])
    }

    /// Starts a value: a comma and line break inside containers, nothing after a key.
    private mutating func beginValue() {
        flushIfFull()
        if afterKey { afterKey = false; return }
        if let last = hasElement.last {
            if last { bytes.append(UInt8(ascii: ",")) }
            hasElement[hasElement.count - 1] = true
            newline()
        }
    }

    mutating func beginObject() {
        beginValue()
        bytes.append(UInt8(ascii: "{"))
        hasElement.append(false)
        indent += 1
    }

    mutating func endObject() {
        indent -= 1
        if hasElement.removeLast() { newline() }
        bytes.append(UInt8(ascii: "}"))
        if hasElement.isEmpty { bytes.append(0x0A) }
    }

    mutating func beginArray() {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        hasElement.append(false)
        indent += 1
    }

    mutating func endArray() {
        indent -= 1
        if hasElement.removeLast() { newline() }
        bytes.append(UInt8(ascii: "]"))
        if hasElement.isEmpty { bytes.append(0x0A) }
    }

    mutating func key(_ name: String) {
        beginValue()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(0x20)
        afterKey = true
    }

    mutating func value(_ s: String) {
        beginValue()
        writeString(s)
    }

    mutating func value(_ n: Int) {
        beginValue()
        bytes.append(contentsOf: String(n).utf8)
    }

    mutating func value(_ b: Bool) {
        beginValue()
        bytes.append(contentsOf: (b ? "true" : "false").utf8)
    }

    mutating func value(_ d: Double) {
        beginValue()
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
            bytes.append(contentsOf: String(Int(d)).utf8)
        } else if d.isFinite {
            bytes.append(contentsOf: String(d).utf8)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    /// A value written as given (a number literal the caller has formatted).
    mutating func raw(_ literal: String) {
        beginValue()
        bytes.append(contentsOf: literal.utf8)
    }

    mutating func null() {
        beginValue()
        bytes.append(contentsOf: "null".utf8)
    }

    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var copy = s
        copy.withUTF8 { buffer in
            var runStart = 0
            for i in 0..<buffer.count {
                let b = buffer[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<i]))
                runStart = i + 1
                switch b {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<buffer.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
