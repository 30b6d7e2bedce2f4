import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What may be attached as evidence: regular files up to a size limit. The same rules hold for
/// `evidence add`, the evidence CSV and every store.
public enum Attachment {
    /// The largest file a store takes by default: 1 GiB.
    public static let defaultMaxFileSize: Int64 = 1 << 30

    /// What kind of thing is at `path` (following symbolic links), or why it cannot be attached:
    /// nil when it is a regular file of at most `limit` bytes.
    public static func problem(_ path: String, limit: Int64) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT ? "not found" : "cannot be read (\(String(cString: strerror(errno))))"
        }
        if let kind = notRegular(info.st_mode) { return kind }
        if Int64(info.st_size) > limit {
            return "is \(byteCount(Int64(info.st_size))), over the limit of \(byteCount(limit)) for one evidence file (raise it with --max-file-size)"
        }
        return nil
    }

    /// "is a folder, not a file" and the like for what is not a regular file; nil for a regular file.
    public static func notRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "is a folder, not a file (attach the files in it one by one)"
        case S_IFCHR, S_IFBLK: return "is a device, not a file (only regular files can be evidence)"
        case S_IFIFO: return "is a pipe, not a file (only regular files can be evidence)"
        case S_IFSOCK: return "is a socket, not a file (only regular files can be evidence)"
        default: return "is not a regular file (only regular files can be evidence)"
        }
    }

    /// A size for people: `1 GiB`, `1.5 GiB`, `300 MiB`, `12 KiB`, `80 bytes`.
    public static func byteCount(_ bytes: Int64) -> String {
        let units: [(Int64, String)] = [(1 << 40, "TiB"), (1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, unit) in units where bytes >= size {
            let value = Double(bytes) / Double(size)
            let text = value == value.rounded() ? String(Int64(value)) : String(format: "%.1f", value)
            return "\(text) \(unit)"
        }
        return "\(bytes) bytes"
    }

    /// `1073741824`, `512MiB`, `2 GiB`, `10G`, `800K`: bytes, or a number with a binary unit.
    public static func parseByteCount(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isNumber }
        guard let number = Int64(digits), number > 0 else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        let shifts: [String: Int64] = ["": 0, "b": 0, "k": 10, "kib": 10, "m": 20, "mib": 20, "g": 30, "gib": 30, "t": 40, "tib": 40]
        guard let shift = shifts[unit], number <= Int64.max >> shift else { return nil }
        return number << shift
    }
}
