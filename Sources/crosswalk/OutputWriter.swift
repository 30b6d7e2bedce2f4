import CrosswalkModel
import Foundation

/// The one place the CLI writes documents. A set of files is written all or nothing: every file
/// goes to a temporary file beside its target first, and only when all of them are on disk are they
/// renamed into place; a file whose bytes are already there is left untouched (its modification
/// time too). A failure removes the temporary files and names the path and the reason.
enum OutputWriter {
    /// Writes `files` (paths relative to `folder`, or absolute when `folder` is nil) and returns the
    /// paths written or left as they were, in order.
    @discardableResult
    static func write(_ files: [OutputFile], in folder: String? = nil) throws -> [String] {
        let manager = FileManager.default
        var staged: [(temporary: String, target: String)] = []
        var targets: [String] = []
        do {
            for file in files {
                let target = folder.map { $0 + "/" + file.path } ?? file.path
                targets.append(target)
                if let existing = manager.contents(atPath: target), existing.elementsEqual(file.bytes) { continue }
                let directory = (target as NSString).deletingLastPathComponent
                if !directory.isEmpty {
                    do {
                        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                    } catch {
                        throw RuntimeError("cannot create the folder \(directory): \(reason(error))")
                    }
                }
                let temporary = directory.isEmpty ? ".\(UUID().uuidString).partial" : directory + "/.\(UUID().uuidString).partial"
                guard manager.createFile(atPath: temporary, contents: Data(file.bytes)) else {
                    throw RuntimeError("cannot write \(target): \(folderProblem(directory))")
                }
                staged.append((temporary, target))
            }
            for (temporary, target) in staged {
                if rename(temporary, target) != 0 {
                    throw RuntimeError("cannot write \(target): \(String(cString: strerror(errno)))")
                }
            }
        } catch {
            for (temporary, _) in staged { try? manager.removeItem(atPath: temporary) }
            throw error
        }
        return targets
    }

    /// Text to a file the user named, or to standard output when none is named.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            writeOutput(text)
            return
        }
        try write([OutputFile(path: path, text: text)])
    }

    /// Why a file cannot be created in a folder, in words.
    private static func folderProblem(_ directory: String) -> String {
        let folder = directory.isEmpty ? "." : directory
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) { return "the folder \(folder) does not exist" }
        if !isFolder.boolValue { return "\(folder) is a file, not a folder" }
        if !FileManager.default.isWritableFile(atPath: folder) { return "no permission to write in \(folder)" }
        return "the disk may be full"
    }

    private static func reason(_ error: Error) -> String {
        let text = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
        return text
    }
}
