import CrosswalkLoad
import CrosswalkModel
import Testing

/// Each bad mapping fixture reports every problem at its line and column.
@Suite("Mapping diagnostics")
struct MappingDiagnosticTests {
    func found(_ name: String) -> [String] {
        Repo.checkFixture(name).sorted.map { "\($0.location.line):\($0.location.column) \($0.message)" }
    }

    @Test("unknown keys and misspelt values get 'did you mean'")
    func keysAndEnums() {
        let got = found("unknown-key-and-bad-enums.yaml")
        #expect(got.contains("2:5 a control has no 'statement'"))
        #expect(got.contains { $0.hasPrefix("4:5 unknown key 'statment' in a control (did you mean 'statement'?)") })
        #expect(got.contains { $0.hasPrefix("6:16 unknown frequency 'quartely' (did you mean 'quarterly'?)") })
        #expect(got.contains { $0.hasPrefix("8:16 unknown kind 'documnet' (did you mean 'document'?)") })
        #expect(got.contains { $0.hasPrefix("11:51 unknown relationship 'equals' (did you mean 'equal'?)") })
        #expect(got.count == 5, "\(got)")
    }

    @Test("references to requirements, frameworks, services, checks and rules are checked")
    func references() {
        let got = found("unresolved-references.yaml")
        #expect(got.contains("14:9 unknown requirement 'soc2:CC6.11' (did you mean 'soc2:CC6.1'?)"))
        #expect(got.contains("15:9 unknown framework 'soc3' in 'soc3:CC6.1' (did you mean 'soc1' or 'soc2'?)"))
        #expect(got.contains("16:23 'CC6.1' is not a requirement reference of the form FRAMEWORK:ID"))
        #expect(got.contains("2:5 unknown AWS service 'kmss' (did you mean 'kms'?)"))
        #expect(got.contains("2:5 'root-account-mfa-enabled' is not an AWS Config managed rule identifier (UPPER_SNAKE_CASE)"))
    }

    @Test("Prowler check ids are checked against Prowler's checks folder", .enabled(if: Repo.prowlerChecks != nil, "needs ../shared/data beside the repository"))
    func prowlerCheckIDs() {
        let got = found("unresolved-references.yaml")
        #expect(got.contains("2:5 control 'TST-02' names unknown Prowler check 'iam_root_mfa_enabledd' (did you mean 'iam_root_mfa_enabled'?)"))
    }

    @Test("shared needs an attestation, a requirement has one entry, attestations are known")
    func responsibility() {
        let got = found("responsibility-without-attestation.yaml")
        #expect(got.contains("3:5 a 'shared' requirement needs the 'attestation' that evidences AWS's part"))
        #expect(got.contains { $0.hasPrefix("6:5 'soc2:CC6.4' already has a responsibility (line 3 of ") })
        #expect(got.contains { $0.hasPrefix("12:18 unknown attestation 'aws-soc4' (did you mean 'aws-soc1', 'aws-soc2' or 'aws-soc3'?)") })
        #expect(got.count == 3, "\(got)")
    }

    @Test("crosswalk rows: strength range, duplicates, unknown targets")
    func crosswalk() {
        let got = found("crosswalk-bad-strength.yaml")
        #expect(got == [
            "5:98 strength must be a whole number from 1 to 10, not '11'",
            "6:5 'soc2:CC6.1' → 'iso27001-2022:A.8.5' is mapped twice",
            "7:5 unknown requirement 'iso27001-2022:A.8.99' (did you mean 'iso27001-2022:A.8.19', 'iso27001-2022:A.8.29' or 'iso27001-2022:A.8.9'?)",
        ])
    }

    @Test("a control equal to two requirements of one framework is warned about (equal to one per framework is fine)")
    func equalTwice() {
        let got = found("control-equal-to-two-requirements.yaml")
        #expect(got == [
            "12:9 control 'TST-03' is equal to both 'soc2:CC6.1' and 'soc2:CC6.2', which would make them equal to each other; a control that meets several requirements of a framework is superset-of each"
        ])
        #expect(Repo.checkFixture("control-equal-to-two-requirements.yaml").errors.isEmpty)
    }

    @Test("a file of no known kind is refused")
    func unknownKind() {
        let (_, diagnostics) = MappingLoader.load(SourceText(path: "x.yaml", string: "things: []\n"))
        #expect(diagnostics.errors.first?.message.hasPrefix("not a mapping file") == true)
    }
}
