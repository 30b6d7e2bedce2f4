import Crypto
import Foundation

/// Content addressing: SHA-256 of bytes and files, as lowercase hex. Shared by the importers (a
/// file's digest decides whether it was imported before) and by every evidence store (attached
/// files are kept by digest).
public enum FileDigest {
    /// Lowercase hex of a digest's bytes.
    public static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xf)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// SHA-256 of bytes in memory.
    public static func sha256(of bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// SHA-256 of a file and its size, read in 1 MiB chunks; each chunk is also handed to `each`,
    /// and reading stops with ``FileReadError/tooLarge`` once more than `limit` bytes were read.
    public static func sha256(
        of handle: FileHandle, path: String, limit: Int64 = .max, each: (Data) throws -> Void = { _ in }
    ) throws -> (digest: String, size: Int64) {
        let hasher = StreamingSHA256()
        var size: Int64 = 0
        func next() throws -> Data? {
            do {
                return try handle.read(upToCount: 1 << 20)
            } catch {
                throw FileReadError.cannotRead(path, ioError: posixCode(error) == EIO)
            }
        }
        while let chunk = try next(), !chunk.isEmpty {
            chunk.withUnsafeBytes { hasher.update($0) }
            size += Int64(chunk.count)
            guard size <= limit else { throw FileReadError.tooLarge(path, limit: limit) }
            try each(chunk)
        }
        return (hasher.finish(), size)
    }

    /// The same for the file at `path`.
    public static func sha256(ofFile path: String, limit: Int64 = .max, each: (Data) throws -> Void = { _ in }) throws -> (
        digest: String, size: Int64
    ) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FileReadError.cannotRead(path, ioError: false) }
        defer { try? handle.close() }
        return try sha256(of: handle, path: path, limit: limit, each: each)
    }

    /// The POSIX error code behind a Foundation file error, if there is one.
    public static func posixCode(_ error: Error) -> Int32? {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        return nil
    }
}

/// Why a file could not be read through to its digest.
public enum FileReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not readable (missing, no permission); `ioError` when the disk failed while reading.
    case cannotRead(String, ioError: Bool)
    /// It grew past the limit while it was read.
    case tooLarge(String, limit: Int64)

    public var description: String {
        switch self {
        case .cannotRead(let path, let ioError):
            return ioError
                ? "\(path): the disk could not read it (an I/O error); check the disk, then run the command again"
                : "\(path): cannot be read; check that it is a file and that this user may read it"
        case .tooLarge(let path, let limit):
            return "\(path): grew past the limit of \(Attachment.byteCount(limit)) for one evidence file while it was read"
        }
    }
}

/// SHA-256 fed piece by piece (for hashing a file while it is streamed).
public final class StreamingSHA256: @unchecked Sendable {
    private var hasher = SHA256()
    public init() {}
    public func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }
    public func finish() -> String { FileDigest.hex(hasher.finalize()) }
}
