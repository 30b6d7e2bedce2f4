import CrosswalkLoad
import Foundation
import Testing

/// The XSD in docs/schema accepts our XML catalogues (checked with xmllint, an independent reader).
@Suite("XML Schema")
struct SchemaTests {
    static var xmllint: String? {
        ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func xmllintValidate(_ file: String) throws -> (Int32, String) {
        let tool = try #require(Self.xmllint, "xmllint is missing: run scripts/setup (Debian package libxml2-utils)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--noout", "--nonet", "--schema", Paths.root.appendingPathComponent("docs/schema/catalogue.xsd").path, file]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test("the example and every shipped XML catalogue validate against catalogue.xsd")
    func shippedValidate() throws {
        var files = [Paths.fixture("catalogue/example.xml")]
        let frameworks = Paths.root.appendingPathComponent("Frameworks").path
        files += try Workspace.catalogueFiles(in: frameworks).filter { $0.hasSuffix(".xml") }
        for file in files {
            let (status, output) = try xmllintValidate(file)
            #expect(status == 0, "\(output)")
        }
    }

    @Test("the XSD rejects a catalogue with an unknown kind")
    func rejects() throws {
        let (status, output) = try xmllintValidate(Paths.fixture("diagnostics/several-errors-in-one-file.xml"))
        #expect(status != 0)
        #expect(output.contains("clase"))
    }
}
