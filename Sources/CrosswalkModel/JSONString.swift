/// Decoding of the inside of a JSON string literal: the one implementation of JSON's escapes
/// (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\uXXXX` with surrogate pairs) and of the UTF-8
/// check, shared by the catalogue JSON reader and the streaming finding importer.
public enum JSONString {
    public struct Failure: Error, Equatable {
        public var message: String
        /// Index in `bytes` of the byte the message is about.
        public var offset: Int

        @inlinable
        public init(message: String, offset: Int) {
            self.message = message
            self.offset = offset
        }
    }

    /// Decodes `bytes[content]`, the characters between the quotes of a literal whose end is already
    /// known (an unescaped quote never occurs inside `content`).
    @inlinable
    public static func decode<Bytes: RandomAccessCollection>(_ bytes: Bytes, _ content: Range<Int>) throws(Failure) -> String
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var out: [UInt8] = []
        out.reserveCapacity(content.count)
        var k = content.lowerBound
        var run = k
        func hex4(_ at: Int) throws(Failure) -> UInt32 {
            guard at + 4 <= content.upperBound else { throw Failure(message: "truncated \\u escape", offset: at) }
            var value: UInt32 = 0
            for j in at..<(at + 4) {
                let c = bytes[j]
                let digit: UInt32
                switch c {
                case 0x30...0x39: digit = UInt32(c - 0x30)
                case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
                default: throw Failure(message: "invalid \\u escape", offset: j)
                }
                value = value * 16 + digit
            }
            return value
        }
        while k < content.upperBound {
            guard bytes[k] == UInt8(ascii: "\\") else {
                k += 1
                continue
            }
            out.append(contentsOf: bytes[run..<k])
            let escape = k
            guard k + 1 < content.upperBound else { throw Failure(message: "unterminated escape", offset: k) }
            let e = bytes[k + 1]
            k += 2
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(k)
                k += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard k + 6 <= content.upperBound, bytes[k] == UInt8(ascii: "\\"), bytes[k + 1] == UInt8(ascii: "u") else {
                        throw Failure(message: "unpaired surrogate in \\u escape", offset: k)
                    }
                    let low = try hex4(k + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { throw Failure(message: "invalid surrogate pair", offset: k) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw Failure(message: "unpaired surrogate in \\u escape", offset: k)
                }
                guard let u = Unicode.Scalar(scalar) else { throw Failure(message: "invalid \\u escape", offset: escape) }
                out.append(contentsOf: String(Character(u)).utf8)
            default:
                throw Failure(message: "invalid escape '\\\(Character(Unicode.Scalar(e)))'", offset: escape)
            }
            run = k
        }
        out.append(contentsOf: bytes[run..<content.upperBound])
        guard let s = String(validating: out, as: UTF8.self) else {
            throw Failure(message: "invalid UTF-8 in a string", offset: content.lowerBound)
        }
        return s
    }
}
