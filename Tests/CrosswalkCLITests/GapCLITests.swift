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

    /// Header labels of the report's tables (from its Markdown) that run into the text before them
    /// in the PDF. Poppler reads two words set without a gap as one, so a header word too wide for
    /// its column shows up as `ResponsibilityControls`: a label preceded by a letter.
    func mergedHeaderLabels(markdown: String, pdf: String) throws -> [String] {
        let pdftotext = try #require(tool("pdftotext"), "pdftotext is missing: run scripts/setup (poppler-utils)")
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var labels: Set<String> = []
        for (header, rule) in zip(lines, lines.dropFirst()) where rule.hasPrefix("|---") || rule.hasPrefix("| ---") {
            for cell in header.split(separator: "|") {
                let label = cell.trimmingCharacters(in: .whitespaces)
                if label.count >= 4, label.allSatisfy(\.isLetter) { labels.insert(label) }
            }
        }
        #expect(labels.count >= 5, "the report's tables have headers: \(labels.sorted())")
        let words = try run(pdftotext, [pdf, "-"]).split(whereSeparator: \.isWhitespace)
        var merged: Set<String> = []
        for word in words {
            for label in labels {
                guard let found = word.range(of: label), found.lowerBound > word.startIndex else { continue }
                if word[word.index(before: found.lowerBound)].isLetter { merged.insert(String(word)) }
            }
        }
        return merged.sorted()
    }

    @Test("no header word runs into its neighbour in the PDF: long ones in narrow columns are hyphenated", arguments: ["hipaa", "soc2"])
    func pdfHeadersApart(_ framework: String) throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pdf-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let gap = try runCrosswalk(["gap", framework, "--as-of", "2026-11-22", "--out", out + "/reports", "--store", out + "/store/evidence.sqlite"])
        #expect(gap.status == 0, "\(gap.stderr)")
        let folder = out + "/reports/\(framework)/"
        let markdown = try String(contentsOfFile: folder + "gap-report.md", encoding: .utf8)
        let merged = try mergedHeaderLabels(markdown: markdown, pdf: folder + "gap-report.pdf")
        #expect(merged.isEmpty, "run together in the PDF: \(merged)")
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
