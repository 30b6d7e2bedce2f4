import CJSONSkip
import CrosswalkModel
import Foundation

/// A single-pass scanner over JSON bytes that extracts only what it is asked for: the keys of an
/// object with the byte ranges of their values, a string decoded, a value skipped. Nothing is built
/// for the parts of a document nobody reads, which is what makes large finding files fast to import.
struct JSONScan {
    let bytes: UnsafeBufferPointer<UInt8>

    struct Failure: Error {
        var message: String
        var offset: Int
        /// The input ended inside the value: more bytes may complete it.
        var truncated = false
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func skipSpace(_ i: inout Int) {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    /// Skips one value starting at `i` (after white space), leaving `i` just past it.
    func skipValue(_ i: inout Int) throws {
        skipSpace(&i)
        guard i < bytes.count else { throw Failure(message: "unexpected end of input", offset: i, truncated: true) }
        switch bytes[i] {
        case UInt8(ascii: "\""):
            try skipString(&i)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            i = try Self.containerEnd(bytes.baseAddress!, from: i, count: bytes.count)
        default:
            // A number, true, false or null: up to the next delimiter.
            let start = i
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: break
                default:
                    i += 1
                    continue
                }
                break
            }
            if i == start { throw Failure(message: "expected a value", offset: i) }
            if i == bytes.count { throw Failure(message: "unexpected end of input", offset: i, truncated: true) }
            let first = bytes[start]
            let valid = first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39)
                || matches(start, i, "true") || matches(start, i, "false") || matches(start, i, "null")
            if !valid { throw Failure(message: "invalid value", offset: start) }
        }
    }

    func matches(_ start: Int, _ end: Int, _ word: StaticString) -> Bool {
        guard end - start == word.utf8CodeUnitCount else { return false }
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for k in 0..<w.count where bytes[start + k] != w[k] { return false }
        return true
    }

    func skipString(_ i: inout Int) throws {
        guard let end = Self.closingQuote(bytes.baseAddress!, from: i + 1, count: bytes.count) else {
            throw Failure(message: "unterminated string", offset: i, truncated: true)
        }
        i = end + 1
    }

    // MARK: - Skipping
    //
    // Skipping is most of an import: the bulk of a finding (descriptions, remediation, resource
    // details, other frameworks' mappings) is stepped over, never decoded. Objects and arrays are
    // skipped 64 bytes per step by CJSONSkip; a string's end is found a 64-bit word per step,
    // stopping only at quotes and backslashes (SWAR: "SIMD within a register").

    /// 0x80 in each byte of `v` that is zero. Only the lowest flagged byte is certain (a borrow can
    /// flag a byte above a zero one), which is all `closingQuote` uses.
    @inline(__always) static func zeroBytes(_ v: UInt64) -> UInt64 {
        (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
    }

    @inline(__always) static func word(_ base: UnsafePointer<UInt8>, _ k: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
    }

    static let quotes: UInt64 = 0x2222_2222_2222_2222
    static let backslashes: UInt64 = 0x5C5C_5C5C_5C5C_5C5C

    /// The index of the quote that closes a string whose content starts at `from`, nil when the
    /// input ends first. A backslash escapes the byte after it. (Control characters inside strings
    /// are not checked here; strings are decoded strictly where their content is used.)
    static func closingQuote(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int? {
        var k = from
        while k + 8 <= count {
            let w = word(base, k)
            let hits = zeroBytes(w ^ quotes) | zeroBytes(w ^ backslashes)
            if hits == 0 {
                k += 8
                continue
            }
            k += hits.trailingZeroBitCount >> 3
            if base[k] == 0x22 { return k }
            k += 2
        }
        while k < count {
            let b = base[k]
            if b == 0x22 { return k }
            k += b == 0x5C ? 2 : 1
        }
        return nil
    }

    /// The index just past the object or array whose `{` or `[` is at `start` (CJSONSkip: 64 bytes
    /// per step, strings stepped over).
    static func containerEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) throws -> Int {
        var offset = 0
        let end = crosswalk_json_container_end(base, start, count, 512, &offset)
        if end >= 0 { return end }
        if end == -2 { throw Failure(message: "nesting deeper than 512", offset: offset) }
        throw Failure(message: "unexpected end of input inside an object or array", offset: count, truncated: true)
    }

    /// The members of the object whose `{` is at `start` (after white space): key bytes and value range.
    func members(at start: Int) throws -> [(key: Range<Int>, value: Range<Int>)] {
        try membersAndEnd(at: start).members
    }

    /// The members and the index just past the closing `}`. `expected`: how many members to make
    /// room for at once. Kept small by default: a member list of up to 30 fits malloc's per-thread
    /// cache (1 KB), a larger one takes the slower, locked path.
    func membersAndEnd(at start: Int, expected: Int = 8) throws -> (members: [(key: Range<Int>, value: Range<Int>)], end: Int) {
        var i = start
        skipSpace(&i)
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { throw Failure(message: "expected an object", offset: i) }
        i += 1
        var out: [(key: Range<Int>, value: Range<Int>)] = []
        out.reserveCapacity(expected)
        skipSpace(&i)
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { return (out, i + 1) }
        while true {
            skipSpace(&i)
            guard i < bytes.count else { throw Failure(message: "unexpected end of input", offset: i, truncated: true) }
            guard bytes[i] == UInt8(ascii: "\"") else { throw Failure(message: "expected a string key", offset: i) }
            let keyStart = i + 1
            try skipString(&i)
            let key = keyStart..<(i - 1)
            skipSpace(&i)
            guard i < bytes.count else { throw Failure(message: "unexpected end of input", offset: i, truncated: true) }
            guard bytes[i] == UInt8(ascii: ":") else { throw Failure(message: "expected ':'", offset: i) }
            i += 1
            skipSpace(&i)
            let valueStart = i
            try skipValue(&i)
            out.append((key, valueStart..<i))
            skipSpace(&i)
            guard i < bytes.count else { throw Failure(message: "unexpected end of input: missing '}'", offset: i, truncated: true) }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "}") { return (out, i + 1) }
            throw Failure(message: "expected ',' or '}'", offset: i)
        }
    }

    /// The value ranges of the array whose `[` is at `start`.
    func elements(at start: Int) throws -> [Range<Int>] {
        var i = start
        skipSpace(&i)
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { throw Failure(message: "expected an array", offset: i) }
        i += 1
        var out: [Range<Int>] = []
        skipSpace(&i)
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { return out }
        while true {
            skipSpace(&i)
            let valueStart = i
            try skipValue(&i)
            out.append(valueStart..<i)
            skipSpace(&i)
            guard i < bytes.count else { throw Failure(message: "unexpected end of input: missing ']'", offset: i) }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "]") { return out }
            throw Failure(message: "expected ',' or ']'", offset: i)
        }
    }

    /// Whether the key bytes equal a name (keys with escapes never match, which is fine for the
    /// plain ASCII keys the importers look for).
    func key(_ range: Range<Int>, is name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let n = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for k in 0..<n.count where bytes[range.lowerBound + k] != n[k] { return false }
        return true
    }

    /// The member value named `name` in a member list.
    func value(_ name: StaticString, in members: [(key: Range<Int>, value: Range<Int>)]) -> Range<Int>? {
        members.first { key($0.key, is: name) }?.value
    }

    /// A value as text: strings decoded; numbers, booleans and null as written; nil for containers.
    func text(_ range: Range<Int>?) throws -> String? {
        guard let range, !range.isEmpty else { return nil }
        let first = bytes[range.lowerBound]
        if first == UInt8(ascii: "\"") { return try decodeString(range) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return nil }
        if matches(range.lowerBound, range.upperBound, "null") { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Decodes a JSON string literal (quotes included in `range`), escapes and surrogate pairs too.
    func decodeString(_ range: Range<Int>) throws -> String {
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        var hasEscape = false
        var isASCII = true
        for k in inner {
            let b = bytes[k]
            if b == UInt8(ascii: "\\") {
                hasEscape = true
                break
            }
            if b >= 0x80 { isASCII = false }
        }
        // Most values are plain ASCII: no validation needed (String(validating:) is not specialised
        // here and looks up generic metadata on every call).
        if !hasEscape && isASCII { return String(decoding: UnsafeBufferPointer(rebasing: bytes[inner]), as: UTF8.self) }
        if !hasEscape {
            guard let s = String(validating: UnsafeBufferPointer(rebasing: bytes[inner]), as: UTF8.self) else {
                throw Failure(message: "invalid UTF-8 in a string", offset: range.lowerBound)
            }
            return s
        }
        do {
            return try JSONString.decode(bytes, inner)
        } catch {
            throw Failure(message: error.message, offset: error.offset)
        }
    }

    /// 1-based line and byte column of a byte offset (for error messages only).
    func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for k in 0..<min(offset, bytes.count) where bytes[k] == 0x0A {
            line += 1
            lineStart = k + 1
        }
        return (line, offset - lineStart + 1)
    }
}
