import CrosswalkModel
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EvidenceStore {
    // MARK: - Files given to the store

    /// The largest file the store takes by default: 1 GiB.
    public static let defaultMaxFileSize: Int64 = 1 << 30

    /// What kind of thing is at `path` (following symbolic links), or why it cannot be attached:
    /// nil when it is a regular file of at most `limit` bytes.
    public static func attachmentProblem(_ path: String, limit: Int64) -> String? {
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
    static func notRegular(_ mode: mode_t) -> String? {
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

    // MARK: - Copying files in

    /// Copies a regular file of at most `maxFileSize` bytes into `files/sha256/ab/cdef…`
    /// (atomically; kept if already there).
    func storeFile(at path: String) throws -> EvidenceFile {
        // Opened without waiting (a pipe would block until someone writes to it), checked on the
        // open descriptor (what is read is what was checked), and never read past the limit.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.cannotRead(path) }
        let input = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw StoreError.cannotRead(path) }
        if let problem = Self.notRegular(info.st_mode) { throw StoreError.cannotAttach(path, problem) }
        guard Int64(info.st_size) <= maxFileSize else {
            throw StoreError.cannotAttach(path, Self.attachmentProblem(path, limit: maxFileSize) ?? "is too large")
        }
        let temporary = folder + "/files/.incoming-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/files", withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let out = FileHandle(forWritingAtPath: temporary) else { throw StoreError.cannotWrite(temporary) }
        let digest: String, size: Int64
        do {
            (digest, size) = try Self.sha256(of: input, path: path, limit: maxFileSize) { chunk in try out.write(contentsOf: chunk) }
            try out.synchronize()
            try out.close()
        } catch {
            try? out.close()
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        let relative = "files/sha256/\(digest.prefix(2))/\(digest.dropFirst(2))"
        let destination = folder + "/" + relative
        if FileManager.default.fileExists(atPath: destination) {
            try FileManager.default.removeItem(atPath: temporary)
        } else {
            try FileManager.default.createDirectory(
                atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: temporary, toPath: destination)
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        return EvidenceFile(name: name, sha256: digest, size: size, storedPath: relative)
    }

    /// SHA-256 and size of what `handle` reads, in 1 MB chunks, each also handed to `each`; an
    /// error when it reads more than `limit` bytes (a file that grew after it was checked).
    static func sha256(
        of handle: FileHandle, path: String, limit: Int64 = .max, each: (Data) throws -> Void = { _ in }
    ) throws -> (digest: String, size: Int64) {
        let hasher = StreamingSHA256()
        var size: Int64 = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { hasher.update($0) }
            size += Int64(chunk.count)
            guard size <= limit else {
                throw StoreError.cannotAttach(path, "grew past the limit of \(byteCount(limit)) for one evidence file while it was read")
            }
            try each(chunk)
        }
        return (hasher.finish(), size)
    }
}
