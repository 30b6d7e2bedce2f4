import Foundation
import Testing

/// Same inputs, same bytes, across processes: every document format the executable writes, run
/// twice in two separate processes on the example organisation's evidence.
@Suite("determinism across processes")
struct DeterminismTests {
    /// One output: the arguments, and the file it writes (nil: standard output).
    struct Output: Sendable, CustomStringConvertible {
        var arguments: [String]
        var file: String?
        var description: String { arguments.joined(separator: " ") }
    }

    static let outputs: [Output] = [
        Output(arguments: ["gap", "hipaa", "soc2", "--scope", "Examples/acme/scope.yaml", "--as-of", "2026-11-22", "--out", "OUT/reports"], file: nil),
        Output(arguments: ["soa", "--scope", "Examples/acme/scope.yaml", "--as-of", "2026-11-22", "--format", "xlsx", "--out", "OUT/soa.xlsx"], file: "soa.xlsx"),
        Output(arguments: ["soa", "--scope", "Examples/acme/scope.yaml", "--as-of", "2026-11-22", "--format", "pdf", "--out", "OUT/soa.pdf"], file: "soa.pdf"),
        Output(arguments: ["soa", "--scope", "Examples/acme/scope.yaml", "--as-of", "2026-11-22", "--format", "csv"], file: nil),
        Output(arguments: ["checklist", "soc2", "hipaa", "--as-of", "2026-11-22", "--format", "xlsx", "--out", "OUT/checklist.xlsx"], file: "checklist.xlsx"),
        Output(arguments: ["checklist", "soc2", "hipaa", "--as-of", "2026-11-22", "--format", "json"], file: nil),
        Output(arguments: ["checklist", "soc2", "hipaa", "--as-of", "2026-11-22", "--format", "md"], file: nil),
        Output(arguments: ["oscal", "export-mapping", "soc2", "iso27001-2022", "--format", "xml"], file: nil),
        Output(arguments: ["oscal", "export-mapping", "hipaa", "iso27001-2022", "--format", "json"], file: nil),
        Output(arguments: ["diff", "iso27001-2022", "soc2", "--format", "json"], file: nil),
        Output(arguments: ["diff", "--matrix", "--format", "csv"], file: nil),
        Output(arguments: ["map", "hipaa:164.312(a)(2)(iv)", "--format", "json"], file: nil),
        Output(arguments: ["show", "gdpr", "--format", "json"], file: nil),
        Output(arguments: ["validate", "--coverage", "--format", "json"], file: nil),
        Output(arguments: ["evidence", "list", "--format", "json"], file: nil),
    ]

    /// Runs every output into a fresh folder; returns each output's bytes (and the report files).
    func runAll(_ folder: String, store: String) throws -> [String: Data] {
        var bytes: [String: Data] = [:]
        let environment = ["CROSSWALK_NOW": "2026-11-22T12:00:00Z", "CROSSWALK_STORE": store]
        for output in Self.outputs {
            let arguments = output.arguments.map { $0.replacingOccurrences(of: "OUT", with: folder) }
            let result = try runCrosswalk(arguments, environment: environment)
            #expect(result.status == 0, "\(output): \(result.stderr)")
            if let file = output.file {
                bytes[output.description] = FileManager.default.contents(atPath: folder + "/" + file)
            } else if output.arguments[0] != "gap" {
                bytes[output.description] = Data(result.stdout.utf8)
            }
        }
        for framework in ["hipaa", "soc2"] {
            for name in ["gap-report.md", "gap-report.html", "gap-report.pdf", "gap-report.json", "SHA256SUMS"] {
                bytes["gap \(framework) \(name)"] = FileManager.default.contents(atPath: "\(folder)/reports/\(framework)/\(name)")
            }
        }
        return bytes
    }

    @Test("two runs of the executable write the same bytes in every format: Markdown, HTML, PDF, JSON, CSV, XLSX, OSCAL")
    func sameBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("determinism-\(UUID().uuidString)").path
        let store = folder + "/store/evidence.sqlite"
        for file in ["Examples/acme/findings/prowler-ocsf.json", "Examples/acme/evidence/evidence.csv"] {
            let imported = try runCrosswalk(["evidence", "import", file, "--store", store], environment: ["CROSSWALK_NOW": "2026-11-22T12:00:00Z"])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        let first = try runAll(folder + "/one", store: store)
        let second = try runAll(folder + "/two", store: store)
        #expect(first.count == Self.outputs.count - 1 + 10)
        for (name, data) in first.sorted(by: { $0.key < $1.key }) {
            #expect(!data.isEmpty, "\(name) is empty")
            #expect(second[name] == data, "\(name) differs between two runs")
        }
        // The PDF's text, as a reader extracts it, names the organisation and the framework.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
            process.arguments = [folder + "/one/reports/hipaa/gap-report.pdf", "-"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(text.contains("HIPAA"))
            #expect(text.contains("164.312(a)(2)(iv)"))
        }
    }
}
