import Foundation
import Testing

/// `crosswalk gap` end to end: files written, digest, determinism, the PDF checked with poppler.
@Suite("crosswalk gap")
struct GapCLITests {
    func tool(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("every format is written with a SHA256SUMS digest; the same as-of date gives the same bytes; the PDF has pages, the framework and the requirement ids")
    func allFormats() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gap-\(UUID().uuidString)").path
        let store = out + "/store/evidence.sqlite"
        let first = try runCrosswalk(["gap", "hipaa", "--as-of", "2026-11-22", "--out", out + "/a", "--store", store])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("hipaa: met "))
        for name in ["gap-report.md", "gap-report.html", "gap-report.json", "gap-report.pdf", "SHA256SUMS"] {
            #expect(FileManager.default.fileExists(atPath: out + "/a/hipaa/" + name), "\(name)")
        }
        let sums = try String(contentsOfFile: out + "/a/hipaa/SHA256SUMS", encoding: .utf8)
        #expect(sums.split(separator: "\n").count == 4)
        #expect(sums.contains("  gap-report.pdf"))
        let second = try runCrosswalk(["gap", "hipaa", "--as-of", "2026-11-22", "--out", out + "/b", "--store", store])
        #expect(second.status == 0)
        for name in ["gap-report.md", "gap-report.html", "gap-report.json"] {
            #expect(FileManager.default.contents(atPath: out + "/a/hipaa/" + name) == FileManager.default.contents(atPath: out + "/b/hipaa/" + name), "\(name)")
        }
        let pdfinfo = try #require(tool("pdfinfo"), "pdfinfo is missing: run scripts/setup (poppler-utils)")
        let pdftotext = try #require(tool("pdftotext"), "pdftotext is missing: run scripts/setup (poppler-utils)")
        let info = try run(pdfinfo, [out + "/a/hipaa/gap-report.pdf"])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages >= 10, "\(info)")
        let text = try run(pdftotext, ["-layout", out + "/a/hipaa/gap-report.pdf", "-"])
        #expect(text.contains("HIPAA Security Rule"))
        #expect(text.contains("CONFIDENTIAL"))
        #expect(text.contains("Page 1 of \(pages)"))
        for id in ["164.308(a)(1)(ii)(A)", "164.312(a)(2)(iv)", "164.316(b)(2)(iii)"] { #expect(text.contains(id), "\(id)") }
        try? FileManager.default.removeItem(atPath: out)
    }

    @Test("SHA256SUMS names cited evidence files relative to the report folder, and sha256sum -c accepts it")
    func sumsCheckOut() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sums-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let store = out + "/store/evidence.sqlite"
        let imported = try runCrosswalk(["evidence", "import", Paths.root.path + "/Examples/acme/evidence/evidence.csv", "--store", store])
        #expect(imported.status == 0, "\(imported.stderr)")
        let gap = try runCrosswalk(["gap", "hipaa", "--format", "md", "--as-of", "2026-11-22", "--out", out + "/reports", "--store", store])
        #expect(gap.status == 0, "\(gap.stderr)")
        let sums = try String(contentsOfFile: out + "/reports/hipaa/SHA256SUMS", encoding: .utf8)
        let lines = sums.split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.dropFirst().allSatisfy { $0.contains("  ../../store/files/sha256/") }, "\(sums)")
        #expect(!sums.contains(out))
        let sha256sum = try #require(tool("sha256sum"), "sha256sum is missing (coreutils)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sha256sum)
        process.arguments = ["--check", "--quiet", "SHA256SUMS"]
        process.currentDirectoryURL = URL(fileURLWithPath: out + "/reports/hipaa")
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("a bad scope file stops the report with file:line:col")
    func badScope() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scope-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let scope = folder + "/scope.yaml"
        try "organisation: Acme\nperiod: {start: 2026-01-01, end: 2026-12-31}\nframeworks: [hipaa, soc3]\n".write(toFile: scope, atomically: true, encoding: .utf8)
        let result = try runCrosswalk(["gap", "hipaa", "--scope", scope, "--out", folder + "/out", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("scope.yaml:3:21: error: unknown framework 'soc3'"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }
}
