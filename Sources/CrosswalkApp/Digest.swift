import Crypto
import CrosswalkModel

/// SHA256SUMS: the digest file `sha256sum -c` checks, over documents and the evidence files they cite.
public enum Digest {
    /// SHA-256 of bytes, lowercase hex.
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0xf)]])
        }.joined()
    }

    /// The lines of SHA256SUMS: every document by its name, then every file of the cited evidence
    /// (in id order) by its path relative to the report folder, so that the check works wherever
    /// the tree is.
    /// - Parameters:
    ///   - files: the documents, named relative to the report folder.
    ///   - evidence: the cited items.
    ///   - storeFolder: where the store keeps its files (nil: evidence files are not on disk).
    ///   - reportFolder: the folder the documents go to.
    ///   - workingDirectory: what relative folders are relative to.
    public static func sums(
        files: [OutputFile], evidence: [EvidenceItem], storeFolder: String?, reportFolder: String, workingDirectory: String
    ) -> OutputFile {
        var text = ""
        for file in files { text += "\(sha256(file.bytes))  \(file.path)\n" }
        if let storeFolder {
            for item in evidence.sorted(by: { $0.id < $1.id }) {
                for file in item.files {
                    text += "\(file.sha256)  \(Paths.relative(storeFolder + "/" + file.storedPath, from: reportFolder, workingDirectory: workingDirectory))\n"
                }
            }
        }
        return OutputFile(path: "SHA256SUMS", text: text)
    }
}

/// Path arithmetic on `/`-separated paths, without the disk.
public enum Paths {
    /// The components of `path` made absolute against `workingDirectory`, `.` and `..` resolved.
    public static func components(_ path: String, workingDirectory: String) -> [String] {
        let full = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        var out: [String] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !out.isEmpty { out.removeLast() }
                continue
            }
            out.append(String(part))
        }
        return out
    }

    /// `path` as seen from the folder `base` (`../store/files/sha256/…`).
    public static func relative(_ path: String, from base: String, workingDirectory: String) -> String {
        let target = components(path, workingDirectory: workingDirectory)
        let from = components(base, workingDirectory: workingDirectory)
        var common = 0
        while common < min(target.count, from.count), target[common] == from[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + target[common...]).joined(separator: "/")
    }
}
