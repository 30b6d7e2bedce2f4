import CrosswalkAssess
import CrosswalkModel
import CrosswalkRender
import CrosswalkTestSupport
import Foundation
import Testing

@Suite("Framework diff")
struct DiffTests {
    var shipped: Repo.Shipped { Repo.shipped }
    func framework(_ id: String) throws -> Framework { try #require(shipped.frameworks.first { $0.id == id }) }

    @Test("each row's state follows from its links; grouping levels are left out")
    func states() throws {
        let diff = FrameworkDiff.compute(from: try framework("iso27001-2022"), to: try framework("soc2"), index: shipped.index)
        #expect(diff.rows.count == 61)  // the criteria: categories and series are groups, points of focus are not requirements
        for row in diff.rows {
            switch row.state {
            case .covered: #expect(row.related.contains { $0.relationship == .equal || $0.relationship == .subsetOf }, "\(row.id)")
            case .partial:
                #expect(!row.related.isEmpty && !row.related.contains { $0.relationship == .equal || $0.relationship == .subsetOf })
            case .notCovered: #expect(row.related.isEmpty)
            }
            #expect(row.related.allSatisfy { $0.requirement.framework == "iso27001-2022" })
        }
        #expect(!diff.rows.contains { $0.id.contains("-POF") })
        // A requirement without links of its own takes its parent's: GDPR points take their paragraph's.
        let gdpr = FrameworkDiff.compute(from: try framework("iso27001-2022"), to: try framework("gdpr"), index: shipped.index)
        #expect(gdpr.rows.contains { $0.viaParent != nil })
        #expect((diff.counts[.covered] ?? 0) + (diff.counts[.partial] ?? 0) + (diff.counts[.notCovered] ?? 0) == diff.rows.count)
    }

    @Test("--direct-only uses crosswalk links alone")
    func directOnly() throws {
        let diff = FrameworkDiff.compute(
            from: try framework("iso27001-2022"), to: try framework("hipaa"), index: shipped.index, directOnly: true)
        #expect(diff.rows.allSatisfy { row in row.related.allSatisfy { !$0.inferred } })
        let all = FrameworkDiff.compute(from: try framework("iso27001-2022"), to: try framework("hipaa"), index: shipped.index)
        #expect((all.counts[.notCovered] ?? 0) <= (diff.counts[.notCovered] ?? 0))
        // Encryption of ePHI: ISO's A.8.24 covers it directly (the spec is a subset of the control).
        let encryption = try #require(diff.rows.first { $0.id == "164.312(a)(2)(iv)" })
        #expect(encryption.state == .covered)
        #expect(encryption.relatedIDs.contains("A.8.24"))
    }

    @Test("ISO 27001:2013 → 2022: every old control's and clause's fate, the 11 new controls and the new clause 6.3")
    func version() throws {
        let diff = try #require(VersionDiff.compute(
            from: try framework("iso27001-2013"), to: try framework("iso27001-2022"), crosswalks: shipped.mappings.crosswalks))
        #expect(diff.rows.count == 114 + 26)  // Annex A controls, clauses without sub-clauses
        #expect(Set(diff.new.map(\.id)) == ["A.5.7", "A.5.23", "A.5.30", "A.7.4", "A.8.9", "A.8.10", "A.8.11", "A.8.12", "A.8.16", "A.8.23", "A.8.28", "6.3"])
        #expect(diff.rows.first { $0.id == "9.3" }?.fate == .split)
        #expect(diff.rows.first { $0.id == "10.1" }?.targets == ["10.2"])
        #expect(diff.rows.first { $0.id == "A.5.1.2" }?.fate == .merged)
        #expect(diff.rows.first { $0.id == "A.18.2.3" }?.fate == .split)
        let json = DiffRender.json(diff)
        #expect(json.contains("\"new\": 12"))
    }

    @Test("the matrix holds every ordered pair, and CSV fields are quoted per RFC 4180")
    func matrix() throws {
        let matrix = CoverageMatrix.compute(shipped.frameworks, index: shipped.index)
        let n = shipped.frameworks.count
        #expect(matrix.cells.values.reduce(0) { $0 + $1.count } == n * (n - 1))
        let csv = DiffRender.csv(matrix)
        #expect(csv.hasPrefix("from,to,covered_percent,partial_percent\r\n"))
        #expect(csv.split(separator: "\r\n").count == n * (n - 1) + 1)
        #expect(CSV.field("a, \"b\"") == "\"a, \"\"b\"\"\"")
        #expect(CSV.field("plain") == "plain")
    }
}

/// Every diff format on the shipped content, compared with golden files
/// (`CROSSWALK_UPDATE_GOLDEN=1 swift test` to accept a deliberate change).
@Suite("Diff golden files")
struct DiffGoldenTests {
    var shipped: Repo.Shipped { Repo.shipped }
    func framework(_ id: String) throws -> Framework { try #require(shipped.frameworks.first { $0.id == id }) }

    func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try Golden.expect(text, file: Repo.testsFolder.appendingPathComponent("Golden/\(name)").path, sourceLocation: sourceLocation)
    }

    @Test("iso27001-2022 → hipaa in text, JSON and CSV")
    func frameworkDiff() throws {
        let diff = FrameworkDiff.compute(from: try framework("iso27001-2022"), to: try framework("hipaa"), index: shipped.index)
        try expectGolden(DiffRender.text(diff), "diff-iso27001-2022-hipaa.txt")
        try expectGolden(DiffRender.json(diff), "diff-iso27001-2022-hipaa.json")
        try expectGolden(DiffRender.csv(diff), "diff-iso27001-2022-hipaa.csv")
    }

    @Test("iso27001-2013 → 2022 version diff in text, JSON and CSV")
    func versionDiff() throws {
        let diff = try #require(VersionDiff.compute(
            from: try framework("iso27001-2013"), to: try framework("iso27001-2022"), crosswalks: shipped.mappings.crosswalks))
        try expectGolden(DiffRender.text(diff), "diff-iso27001-2013-iso27001-2022.txt")
        try expectGolden(DiffRender.json(diff), "diff-iso27001-2013-iso27001-2022.json")
        try expectGolden(DiffRender.csv(diff), "diff-iso27001-2013-iso27001-2022.csv")
    }

    @Test("the coverage matrix in text, JSON and CSV")
    func matrix() throws {
        let matrix = CoverageMatrix.compute(shipped.frameworks, index: shipped.index)
        try expectGolden(DiffRender.text(matrix), "matrix.txt")
        try expectGolden(DiffRender.json(matrix), "matrix.json")
        try expectGolden(DiffRender.csv(matrix), "matrix.csv")
    }
}
