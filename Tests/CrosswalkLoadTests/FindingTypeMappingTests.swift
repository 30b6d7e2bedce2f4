import CrosswalkLoad
import CrosswalkModel
import Foundation
import Testing

/// `Mappings/findings/*.yaml` (Security Hub finding types → check id and controls) is read and
/// checked like the other mapping files: each problem at file:line:col, with "did you mean".
@Suite("Finding-type mapping files")
struct FindingTypeMappingTests {
    static let controls: Set<String> = ["VUL-02", "VUL-03", "LOG-06", "INC-02"]

    /// `line:col message` of every diagnostic, loader's and checker's.
    func found(_ fixture: String) -> [String] {
        let path = Paths.fixture("mappings/\(fixture)")
        let (source, failure) = Workspace.read(path)
        guard let source else { return ["cannot read: \(String(describing: failure))"] }
        let (set, diagnostics) = MappingLoader.load(source)
        let checked = MappingChecker(frameworks: [], otherControls: Self.controls).check(set)
        return (diagnostics.items + checked.items).map { item in
            #expect(item.location.file == path)
            return "\(item.location.line):\(item.location.column) \(item.message)"
        }
    }

    @Test("unknown controls, namespaces and keys, duplicates and rules that match nothing are errors at file:line:col")
    func mistakes() {
        let got = found("finding-types-with-every-mistake.yaml")
        let path = Paths.fixture("mappings/finding-types-with-every-mistake.yaml")
        for expected in [
            "6:16 finding-type 'securityhub/vulnerabilities' names unknown control 'VUL-2' (did you mean 'VUL-02'?)",
            "9:13 'TTP' is not in an ASFF types namespace (did you mean 'TTPs'?); expected one of Software and Configuration Checks, TTPs, Effects, Unusual Behaviors, Sensitive Data Identifications",
            "10:5 unknown key 'control' in a finding-type rule (did you mean 'controls'?); expected one of id, title, types, products, generators, controls",
            "7:5 finding-type rule 'securityhub/threats' names no controls",
            "11:5 duplicate finding-type id 'securityhub/vulnerabilities' (first at \(path):3:5)",
            "14:24 finding-type 'securityhub/vulnerabilities' names control 'VUL-03' twice",
            "15:5 finding-type rule 'securityhub/nothing' has no 'types', 'products' or 'generators' to match findings by",
        ] {
            #expect(got.contains(expected), "missing \(expected) in \(got)")
        }
        #expect(got.count == 7, "\(got)")
    }

    @Test("a clean file has no diagnostics and its rules are read whole")
    func clean() throws {
        #expect(found("finding-types-clean.yaml").isEmpty)
        let (set, _) = MappingLoader.load(try #require(Workspace.read(Paths.fixture("mappings/finding-types-clean.yaml")).0))
        #expect(set.findingTypes.map(\.id) == ["securityhub/vulnerabilities", "securityhub/threat-detections"])
        let threats = set.findingTypes[1]
        #expect(threats.types == ["TTPs", "Effects", "Unusual Behaviors"] && threats.generators == ["arn:aws:guardduty:"])
        #expect(threats.controls.map(\.id) == ["LOG-06", "INC-02"] && threats.controls[1].location.line == 12)
    }

    @Test("loading the mappings folder links each rule's id into its controls' automation hooks, once")
    func linking() {
        var set = MappingSet()
        func control(_ id: String, rules: [String] = []) -> CustomerControl {
            CustomerControl(
                id: id, title: id, statement: "", owner: "", frequency: .continuous, evidence: [], prowlerChecks: [], configRules: rules,
                services: [], satisfies: [], location: .file("c.yaml"))
        }
        set.controls = [control("VUL-02"), control("LOG-06", rules: ["GUARDDUTY_ENABLED_CENTRALIZED"]), control("IAM-01")]
        let ref = { (id: String) in FindingTypeRule.ControlReference(id: id, location: .file("f.yaml")) }
        set.findingTypes = [
            FindingTypeRule(id: "securityhub/vulnerabilities", title: "", types: ["TTPs"], products: [], generators: [], controls: [ref("VUL-02"), ref("VUL-02")], location: .file("f.yaml")),
            FindingTypeRule(id: "securityhub/threat-detections", title: "", types: ["TTPs"], products: [], generators: [], controls: [ref("LOG-06")], location: .file("f.yaml")),
        ]
        set.linkFindingTypes()
        #expect(set.controls[0].configRules == ["securityhub/vulnerabilities"])
        #expect(set.controls[1].configRules == ["GUARDDUTY_ENABLED_CENTRALIZED", "securityhub/threat-detections"])
        #expect(set.controls[2].configRules.isEmpty)
        // The linked ids are not Config rule identifiers, and are not reported as malformed ones:
        // the only problem is the control named twice.
        #expect(MappingChecker(frameworks: []).check(set).items.map(\.message) == [
            "finding-type 'securityhub/vulnerabilities' names control 'VUL-02' twice"
        ])
    }

    @Test("the shipped Mappings/findings/securityhub-types.yaml validates clean, alone and with the whole folder")
    func shipped() {
        let workspace = Workspace(
            frameworksDirectory: Paths.root.appendingPathComponent("Frameworks").path,
            mappingsDirectory: Paths.root.appendingPathComponent("Mappings").path)
        let file = workspace.findingTypesDirectory + "/securityhub-types.yaml"
        let checks = Paths.sharedData.map { $0 + "/prowler/checks" }
        let alone = Validator(workspace: workspace, prowlerChecksDirectory: checks).validate(paths: [file])
        #expect(alone.filesChecked == 1 && alone.diagnostics.items.isEmpty, "\(alone.diagnostics.items)")
        let (rules, diagnostics) = workspace.loadFindingTypes()
        #expect(diagnostics.items.isEmpty)
        #expect(Set(rules.map(\.id)) == ["securityhub/vulnerabilities", "securityhub/threat-detections", "securityhub/sensitive-data", "securityhub/posture-findings"])
        // Every ASFF namespace is matched by some rule.
        for namespace in FindingTypeRule.namespaces {
            #expect(FindingTypeRule.rule(types: [namespace + "/X"], product: "", generator: "", in: rules) != nil, "\(namespace)")
        }
        let linked = workspace.loadMappings().mappings.controls
        #expect(linked.first { $0.id == "VUL-02" }?.configRules.contains("securityhub/vulnerabilities") == true)
        #expect(linked.first { $0.id == "DAT-05" }?.configRules.contains("securityhub/sensitive-data") == true)
    }
}
