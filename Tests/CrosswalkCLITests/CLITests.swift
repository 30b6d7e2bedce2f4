import Foundation
import Testing

/// The `crosswalk` executable end to end: exit codes, where output goes, and the formats.
@Suite("crosswalk CLI")
struct CLITests {
    @Test("validate prints file:line:col diagnostics and exits 1 on errors")
    func validateFails() throws {
        let result = try runCrosswalk(["validate", Paths.loadFixture("diagnostics/unknown-kind-contrl.yaml")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown-kind-contrl.yaml:12:11: error: unknown requirement kind 'contrl' (did you mean 'control'?)"))
        #expect(result.stdout == "1 file checked: 1 error, 0 warnings\n")
    }

    @Test("validate exits 0 on a clean file")
    func validatePasses() throws {
        let result = try runCrosswalk(["validate", Paths.loadFixture("catalogue/example.yaml")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1 file checked: 0 errors, 0 warnings\n")
        #expect(result.stderr.isEmpty)
    }

    @Test("show FILE --format json matches the golden file")
    func showJSON() throws {
        let result = try runCrosswalk(["show", Paths.loadFixture("catalogue/example.yaml"), "--format", "json"])
        #expect(result.status == 0)
        try expectGolden(result.stdout, "example-show.json")
    }

    @Test("show of an unknown framework id suggests the closest one")
    func showUnknown() throws {
        let fixtures = Paths.loadFixture("catalogue")
        let result = try runCrosswalk(["show", "exampel", "--frameworks", fixtures])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no framework with id 'exampel'"))
        #expect(result.stderr.contains("(did you mean 'example'?)"))
    }

    @Test("frameworks lists catalogues of a folder given by the environment")
    func frameworksFromEnvironment() throws {
        // The example folder holds the same framework twice (XML and YAML): an error, and one listed.
        let result = try runCrosswalk(["frameworks", "--format", "json"], environment: ["CROSSWALK_FRAMEWORKS": Paths.loadFixture("catalogue")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("framework id 'example' is already used by"))
        let list = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(list?.count == 1)
        #expect(list?.first?["id"] as? String == "example")
        #expect(list?.first?["requirementCount"] as? Int == 5)
    }

    @Test("show reads an OSCAL file in text form")
    func showOSCALText() throws {
        let result = try runCrosswalk(["show", Paths.loadFixture("oscal/mini-catalog.json"), "--depth", "2"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ops  Operations"))
        #expect(result.stdout.contains("  ops-log  Logging"))
        #expect(!result.stdout.contains("ops-1  Audit Events"))
    }

    @Test("show FRAMEWORK:ID shows one requirement and its children")
    func showRequirement() throws {
        let result = try runCrosswalk(["show", "hipaa:164.312(a)(1)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("164.312(a)(1)  Access control  [standard]"))
        #expect(result.stdout.contains("  164.312(a)(2)(iv)  Encryption and decryption  [implementation-specification, addressable]"))
        #expect(!result.stdout.contains("164.312(b)"))
    }

    @Test("show FRAMEWORK:ID with a mistyped id suggests the real one")
    func showRequirementTypo() throws {
        let result = try runCrosswalk(["show", "soc2:CC61"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no requirement 'CC61' in soc2 (did you mean 'soc2:CC6.1'?)"))
    }

    @Test("date options take only YYYY-MM-DD, before anything is read or written", arguments: [
        (["gap", "soc2", "--as-of", "2026-13-01"], "--as-of '2026-13-01' is not a day of the calendar: there is no month 13"),
        (["soa", "--framework", "iso27001-2022", "--as-of", "2026-02-3"], "--as-of '2026-02-3' is not a date of the form YYYY-MM-DD"),
        (["checklist", "soc2", "--as-of", "26-01-01"], "--as-of '26-01-01' is not a date of the form YYYY-MM-DD"),
        (["oscal", "export-mapping", "iso27001-2013", "iso27001-2022", "--last-modified", "yesterday"], "--last-modified 'yesterday' is not a date of the form YYYY-MM-DD"),
    ])
    func dateOptions(arguments: [String], message: String) throws {
        let result = try runCrosswalk(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: \(message)"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("a CROSSWALK_NOW that is not an ISO 8601 time stops the command instead of being ignored")
    func badClock() throws {
        let result = try runCrosswalk(["checklist", "soc2"], environment: ["CROSSWALK_NOW": "tomorrow"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("CROSSWALK_NOW 'tomorrow' is not an ISO 8601 time"), "\(result.stderr)")
        let fixed = try runCrosswalk(["checklist", "soc2"], environment: ["CROSSWALK_NOW": "2026-11-22T12:00:00Z"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("As of 2026-11-22."))
    }

    @Test("validate --coverage exits 1 and names a customer or shared requirement with neither a control nor a not-covered entry")
    func coverageNamesUncoveredRequirements() throws {
        let fixture = Paths.fixture("coverage/customer-requirement-without-control")
        let arguments = ["validate", "--coverage", "--frameworks", fixture + "/frameworks", "--mappings", fixture + "/mappings"]
        let result = try runCrosswalk(arguments)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        // LG (customer) and LG-1 (shared) have neither; AC-1 has TST-01, AC through it, AC-2 is listed.
        #expect(result.stdout.contains("example: customer/shared but neither covered by a control nor listed: LG, LG-1\n"), "\(result.stdout)")
        #expect(result.stdout.contains("3/5 (60.0%)"))
        #expect(!result.stderr.contains("error:"), "\(result.stderr)")
        let json = try runCrosswalk(arguments + ["--format", "json"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let frameworks = object?["frameworks"] as? [[String: Any]]
        #expect(frameworks?.first?["uncovered"] as? [String] == ["LG", "LG-1"])
    }

    @Test("the shipped content passes validate and validate --coverage with 0 errors and 0 warnings")
    func shippedContentIsClean() throws {
        // Without a Prowler checks folder validate notes (as a warning) that check ids went unverified.
        func warnings(_ stderr: String) -> [Substring] {
            stderr.split(separator: "\n").filter { $0.contains("warning:") || $0.contains("error:") }
                .filter { Paths.sharedData != nil || !$0.contains("Prowler check ids were not verified") }
        }
        let validate = try runCrosswalk(["validate"])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(warnings(validate.stderr).isEmpty, "\(validate.stderr)")
        if Paths.sharedData != nil { #expect(validate.stdout.hasSuffix(" checked: 0 errors, 0 warnings\n"), "\(validate.stdout)") }
        let coverage = try runCrosswalk(["validate", "--coverage"])
        #expect(coverage.status == 0, "\(coverage.stdout)\(coverage.stderr)")
        #expect(warnings(coverage.stderr).isEmpty, "\(coverage.stderr)")
        #expect(!coverage.stdout.contains("neither covered by a control nor listed"), "\(coverage.stdout)")
        #expect(coverage.stdout.contains("controls; 0 meet requirements that are AWS's alone"), "\(coverage.stdout)")
    }
}
