import CrosswalkFiles
import CrosswalkModel
import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EvidenceStore {
    // MARK: - Files given to the store

    /// The largest file the store takes by default: 1 GiB.
    public static let defaultMaxFileSize: Int64 = Attachment.defaultMaxFileSize

    // MARK: - Copying files in

    /// The mode of a stored copy: read-only for the store's owner and group, nothing for others,
    /// whatever the original's mode (stored copies are never changed, only replaced).
    public static let storedFileMode: mode_t = 0o440

    /// The store's own folder at `relative` (`files`, `files/sha256`, `files/sha256/ab`): made
    /// (0750) when missing; a symbolic link or anything but a folder there is an error, so no
    /// file is ever written outside the store through a link planted in it.
    func storeFolder(_ relative: String) throws -> String {
        var path = folder
        for component in relative.split(separator: "/") {
            path += "/" + component
            var info = stat()
            if lstat(path, &info) != 0 {
                guard errno == ENOENT else { throw StoreError.fileSystem(path, errno) }
                if mkdir(path, 0o750) != 0 && errno != EEXIST { throw StoreError.fileSystem(path, errno) }
                guard lstat(path, &info) == 0 else { throw StoreError.fileSystem(path, errno) }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFLNK: throw StoreError.linkInStore(path)
            default: throw StoreError.notAFolderInStore(path)
            }
        }
        return path
    }

    /// True when `path` is a regular file (not a link) holding exactly `size` bytes with SHA-256 `digest`.
    static func holds(_ path: String, digest: String, size: Int64) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int64(info.st_size) == size else { return false }
        return (try? sha256(ofFile: path).digest) == digest
    }

    /// Copies a regular file of at most `maxFileSize` bytes into `files/sha256/ab/cdef…`
    /// (atomically). A copy already there is kept only when it really has that hash; anything
    /// else at that path (a changed or planted file, a link) is replaced, and `restored` names it.
    func storeFile(at path: String, restored: inout [String]) throws -> EvidenceFile {
        // Opened without waiting (a pipe would block until someone writes to it), checked on the
        // open descriptor (what is read is what was checked), and never read past the limit.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.cannotRead(path) }
        let input = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw StoreError.cannotRead(path) }
        if let problem = Attachment.notRegular(info.st_mode) { throw StoreError.cannotAttach(path, problem) }
        guard Int64(info.st_size) <= maxFileSize else {
            throw StoreError.cannotAttach(path, Attachment.problem(path, limit: maxFileSize) ?? "is too large")
        }
        let files = try storeFolder("files")
        removeStaleIncoming()
        let temporary = files + "/.incoming-\(UUID().uuidString)"
        // Created here and now, never through a link, readable by the owner only until it is complete.
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw StoreError.fileSystem(temporary, errno) }
        let digest: String, size: Int64
        do {
            (digest, size) = try Self.sha256(of: input, path: path, limit: maxFileSize) { chunk in
                try chunk.withUnsafeBytes { bytes in
                    var done = 0
                    while done < bytes.count {
                        let written = Glibc.write(output, bytes.baseAddress! + done, bytes.count - done)
                        if written < 0 && errno == EINTR { continue }
                        guard written > 0 else { throw StoreError.fileSystem(temporary, errno) }
                        done += written
                    }
                }
            }
            guard fchmod(output, Self.storedFileMode) == 0, fsync(output) == 0 else { throw StoreError.fileSystem(temporary, errno) }
            close(output)
        } catch {
            close(output)
            unlink(temporary)
            throw error
        }
        let relative = "files/sha256/\(digest.prefix(2))/\(digest.dropFirst(2))"
        let destination = folder + "/" + relative
        do {
            _ = try storeFolder("files/sha256/\(digest.prefix(2))")
            var existing = stat()
            if lstat(destination, &existing) == 0 {
                if Self.holds(destination, digest: digest, size: size) {
                    unlink(temporary)
                    return EvidenceFile(name: URL(fileURLWithPath: path).lastPathComponent, sha256: digest, size: size, storedPath: relative)
                }
                if existing.st_mode & S_IFMT == S_IFDIR { throw StoreError.notAFolderInStore(destination) }
                restored.append(relative)
            }
            // rename replaces a file or a link at the destination; it never follows the link.
            guard rename(temporary, destination) == 0 else { throw StoreError.fileSystem(destination, errno) }
        } catch {
            unlink(temporary)
            throw error
        }
        return EvidenceFile(name: URL(fileURLWithPath: path).lastPathComponent, sha256: digest, size: size, storedPath: relative)
    }

    // MARK: - Partial copies

    /// How old a partial copy (`files/.incoming-…`) must be before a later command removes it:
    /// one hour, so the copy of a command still writing (its file changes as it writes) is left alone.
    public static let incomingBound: TimeInterval = 3600

    /// The partial copies in `files/`: path, size and when it was last written (the real clock's
    /// time, not the store's: these are files on disk).
    func incomingFiles() -> [(path: String, size: Int64, modified: Date)] {
        let files = folder + "/files"
        var info = stat()
        guard lstat(files, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
            let names = try? FileManager.default.contentsOfDirectory(atPath: files)
        else { return [] }
        return names.filter { $0.hasPrefix(".incoming-") }.sorted().compactMap { name in
            let path = files + "/" + name
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            return (path, Int64(info.st_size), Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec)))
        }
    }

    /// Removes the partial copies left by commands that were killed while copying a file in,
    /// once they are older than ``incomingBound``. Called by every command that writes.
    func removeStaleIncoming() {
        let limit = Date().addingTimeInterval(-Self.incomingBound)
        for file in incomingFiles() where file.modified < limit { unlink(file.path) }
    }

    /// Audit entries for stored copies that were replaced because they did not match their hash.
    static func auditRestored(_ db: Database, _ restored: [String], at: String, actor: String, by subject: String) throws {
        for relative in restored {
            try appendAudit(
                db, at: at, actor: actor, action: "restore", subject: relative,
                detail: "the copy there did not match its SHA-256 (changed, planted or a link); replaced by the file given to \(subject)")
        }
    }

    /// SHA-256 and size of what `handle` reads, in 1 MB chunks, each also handed to `each`; an
    /// error when it reads more than `limit` bytes (a file that grew after it was checked).
    static func sha256(
        of handle: FileHandle, path: String, limit: Int64 = .max, each: (Data) throws -> Void = { _ in }
    ) throws -> (digest: String, size: Int64) {
        do {
            return try FileDigest.sha256(of: handle, path: path, limit: limit, each: each)
        } catch FileReadError.cannotRead(_, let ioError) {
            throw ioError ? StoreError.ioError(path) : StoreError.cannotRead(path)
        } catch FileReadError.tooLarge(_, let limit) {
            throw StoreError.cannotAttach(path, "grew past the limit of \(Attachment.byteCount(limit)) for one evidence file while it was read")
        }
    }
}
