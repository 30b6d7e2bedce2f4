import CrosswalkAssess
import CrosswalkLoad
import CrosswalkModel
import CrosswalkRender
import Foundation
import Testing

/// `crosswalk validate --coverage`: per customer control, the responsibilities of the requirements it
/// meets, and a warning where a control meets requirements that are AWS's alone.
@Suite("Control responsibility")
struct ControlResponsibilityTests {
    /// The shipped frameworks and responsibilities with the controls of one fixture file.
    func index(withControlsOf name: String) throws -> (MappingIndex, [CustomerControl]) {
        let (source, _) = Workspace.read(Repo.fixture(name))
        let (set, diagnostics) = MappingLoader.load(try #require(source))
        #expect(!diagnostics.hasErrors, "\(diagnostics.errors)")
        var mappings = Repo.shipped.mappings
        mappings.controls = set.controls
        return (MappingIndex(frameworks: Repo.shipped.frameworks, mappings: mappings), set.controls)
    }

    @Test("a control that meets AWS-only requirements is counted and warned about at its first such link")
    func warningFires() throws {
        let (index, controls) = try index(withControlsOf: "control-meets-aws-only-requirements.yaml")
        #expect(controls.map(\.id) == ["TST-04", "TST-05"])
        let rows = ControlResponsibility.compute(index: index)
        let tst04 = try #require(rows.first { $0.control == "TST-04" })
        #expect(tst04.aws == [RequirementRef("soc1", "CSOC-01"), RequirementRef("soc1", "CSOC-02")])
        #expect(tst04.customer == [RequirementRef("soc1", "CO-12.2")])
        #expect(tst04.shared == [RequirementRef("soc2", "CC6.4")])
        #expect(tst04.unassigned.isEmpty)
        #expect(tst04.meetsAWSRequirements)

        let warnings = ControlResponsibility.warnings(index: index)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.location.line == 12 && warning.location.column == 9, "\(warning.location)")
        #expect(warning.message.hasPrefix("customer control 'TST-04' meets requirements that are AWS's alone: soc1:CSOC-01, soc1:CSOC-02;"))
    }

    @Test("a control that meets only customer and shared requirements gets no warning")
    func noWarningWhenShared() throws {
        let (index, _) = try index(withControlsOf: "control-meets-aws-only-requirements.yaml")
        let tst05 = try #require(ControlResponsibility.compute(index: index).first { $0.control == "TST-05" })
        #expect(tst05.aws.isEmpty && !tst05.meetsAWSRequirements)
        #expect(tst05.shared == [RequirementRef("iso27001-2022", "A.7.6")])
        #expect(tst05.customer == [RequirementRef("iso27001-2022", "A.7.7")])
        #expect(!ControlResponsibility.warnings(index: index).contains { $0.message.contains("TST-05") })
    }

    @Test("no shipped control meets a requirement that is AWS's alone, and every link is counted once")
    func shippedControlsClean() {
        let index = Repo.shipped.index
        #expect(ControlResponsibility.warnings(index: index).map(\.message) == [])
        let rows = ControlResponsibility.compute(index: index)
        #expect(rows.count == Repo.shipped.mappings.controls.count)
        for (row, control) in zip(rows, Repo.shipped.mappings.controls.sorted { $0.id < $1.id }) {
            #expect(row.control == control.id)
            let total = row.customer.count + row.shared.count + row.aws.count + row.unassigned.count
            #expect(total == Set(control.satisfies.map(\.requirement)).count, "\(control.id)")
            #expect(row.unassigned.isEmpty, "\(control.id): \(row.unassigned)")
        }
    }

    @Test("the coverage report shows the per-control table and the JSON carries both parts")
    func rendered() throws {
        let (index, _) = try index(withControlsOf: "control-meets-aws-only-requirements.yaml")
        let rows = ControlResponsibility.compute(index: index)
        let text = MappingListRender.controlResponsibilityText(rows)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("CONTROL") == true)
        #expect(lines.contains { $0.hasPrefix("TST-04") && $0.hasSuffix("soc1:CSOC-01, soc1:CSOC-02") })
        #expect(lines.last == "2 controls; 1 meet requirements that are AWS's alone")
        let json = MappingListRender.coverageJSON([], controls: rows)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["frameworks"] as? [Any])?.isEmpty == true)
        let controls = try #require(object["controls"] as? [[String: Any]])
        #expect(controls.map { $0["control"] as? String } == ["TST-04", "TST-05"])
        #expect(controls[0]["aws"] as? [String] == ["soc1:CSOC-01", "soc1:CSOC-02"])
        #expect(controls[1]["shared"] as? [String] == ["iso27001-2022:A.7.6"])
    }
}
