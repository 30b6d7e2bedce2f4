import CrosswalkLoad
import Foundation
import Testing

/// What a new user runs into (issue 13): impossible dates, reports written whole or not at all,
/// stores that read commands must not create, global options before the subcommand, the usage and
/// exit code of every kind of error, "did you mean", plurals.
@Suite("crosswalk CLI for a new user")
struct NewUserCLITests {
    /// A fresh folder under the temporary directory.
    func scratch(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    // MARK: - dates

    @Test(
        "an impossible date on the command line is a usage error naming the date and why",
        arguments: [
            (["gap", "hipaa", "--as-of", "2026-02-30"], "--as-of '2026-02-30' is not a day of the calendar: February 2026 has 28 days"),
            (["checklist", "soc2", "--as-of", "2026-04-31"], "--as-of '2026-04-31' is not a day of the calendar: April 2026 has 30 days"),
            (["soa", "--as-of", "2026-13-01"], "--as-of '2026-13-01' is not a day of the calendar: there is no month 13"),
            (["evidence", "list", "--expired", "--as-of", "2026-02-29"], "--as-of '2026-02-29' is not a day of the calendar"),
            (
                ["evidence", "add", "--control", "IAM-08", "--title", "t", "--owner", "o", "--effective", "2026-02-30"],
                "--effective '2026-02-30' is not a day of the calendar"
            ),
        ])
    func impossibleDateOption(_ arguments: [String], _ message: String) throws {
        let result = try runCrosswalk(arguments + ["--store", try scratch("dates") + "/none.sqlite"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: \(message)"), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: crosswalk \(arguments[0])"), "\(result.stderr)")
    }

    @Test("an impossible date in a scope file is an error at its line and column; February 29 of a leap year is fine")
    func impossibleDateInScope() throws {
        let bad = Paths.fixture("dates/scope-ends-on-february-29-of-a-common-year.yaml")
        let result = try runCrosswalk(["gap", "hipaa", "--scope", bad, "--format", "json", "--out", try scratch("scope") + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("scope-ends-on-february-29-of-a-common-year.yaml:4:8: error: '2026-02-29' is not a day of the calendar: February 2026 has 28 days"), "\(result.stderr)")
        let good = Paths.fixture("dates/scope-ends-on-february-29-of-a-leap-year.yaml")
        let out = try scratch("scope")
        let fine = try runCrosswalk(["gap", "hipaa", "--scope", good, "--format", "json", "--out", out, "--as-of", "2024-03-01", "--store", out + "/none.sqlite"])
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    @Test("an impossible date in an evidence CSV stops the import at its line, and nothing is imported")
    func impossibleDateInEvidenceCSV() throws {
        let store = try scratch("csv") + "/evidence.sqlite"
        let result = try runCrosswalk(["evidence", "import", Paths.fixture("dates/evidence-csv-effective-to-april-31.csv"), "--store", store])
        #expect(result.status == 1)
        // Line 3, at the effective_to field (after "Access review,document,IAM-08,,Identity and access manager,IdC,2026-04-01,").
        #expect(result.stderr.contains("evidence-csv-effective-to-april-31.csv:3:75: error: effective_to '2026-04-31'"), "\(result.stderr)")
        #expect(result.stderr.contains("effective_to '2026-04-31' is not a day of the calendar: April 2026 has 30 days"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was imported"))
    }

    // MARK: - reports written whole

    @Test("a PDF that fails leaves the report folder as it was, with no traceback")
    func failedPDFWritesNothing() throws {
        let folder = try scratch("pdf-fails")
        let reports = folder + "/out/hipaa"
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        try "old report\n".write(toFile: reports + "/gap-report.md", atomically: true, encoding: .utf8)
        try "old sums\n".write(toFile: reports + "/SHA256SUMS", atomically: true, encoding: .utf8)
        // A python3 that fails the way a broken Typst install does: a traceback on standard error.
        let bin = folder + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try """
            #!/bin/sh
            echo 'Traceback (most recent call last):' >&2
            echo '  File "<string>", line 7, in <module>' >&2
            echo 'RuntimeError: the compiler crashed' >&2
            exit 1
            """.write(toFile: bin + "/python3", atomically: true, encoding: .utf8)
        chmod(bin + "/python3", 0o755)
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try runCrosswalk(
            ["gap", "hipaa", "--as-of", "2026-11-22", "--out", folder + "/out", "--store", folder + "/none.sqlite"], environment: ["PATH": path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Error: Typst stopped (exit 1) while compiling the hipaa gap report as PDF"), "\(result.stderr)")
        #expect(!result.stderr.contains("Traceback"))
        let left = try FileManager.default.contentsOfDirectory(atPath: reports).sorted()
        #expect(left == ["SHA256SUMS", "gap-report.md"])
        #expect(try String(contentsOfFile: reports + "/gap-report.md", encoding: .utf8) == "old report\n")
        #expect(try String(contentsOfFile: reports + "/SHA256SUMS", encoding: .utf8) == "old sums\n")
    }

    // MARK: - stores

    @Test("read commands never create a store: evidence list, show and verify fail naming the path", arguments: [["list"], ["show", "E-1"], ["verify"], ["accept", "E-1"]])
    func readCommandsNeedAStore(_ arguments: [String]) throws {
        let store = try scratch("no-store") + "/store/evidence.sqlite"
        let result = try runCrosswalk(["evidence"] + arguments + ["--store", store])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Error: no evidence store at \(store)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
        #expect(!FileManager.default.fileExists(atPath: (store as NSString).deletingLastPathComponent))
    }

    @Test("gap and checklist without a store say loudly that no evidence was read, and create none")
    func reportsWithoutAStoreSaySo() throws {
        let folder = try scratch("no-store")
        let store = folder + "/store/evidence.sqlite"
        let gap = try runCrosswalk(["gap", "hipaa", "--format", "json", "--as-of", "2026-11-22", "--out", folder + "/out", "--store", store])
        #expect(gap.status == 0)
        #expect(gap.stderr.contains("\(store): warning: no evidence store here: no evidence was read"), "\(gap.stderr)")
        let checklist = try runCrosswalk(["checklist", "hipaa", "--as-of", "2026-11-22", "--store", store])
        #expect(checklist.status == 0)
        #expect(checklist.stderr.contains("\(store): warning: no evidence store here: no evidence was read, so every control shows as missing"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/store"))
    }

    @Test("evidence that has expired on the day it is added is added with a warning; the README's example is not")
    func expiredOnArrival() throws {
        let store = try scratch("expired") + "/evidence.sqlite"
        let environment = ["CROSSWALK_NOW": "2026-11-22T12:00:00Z", "CROSSWALK_ACTOR": "test"]
        let stale = try runCrosswalk(
            ["evidence", "add", "--control", "IAM-03", "--title", "IAM credential report, Q3", "--owner", "Cloud platform lead", "--effective", "2026-09-30", "--store", store],
            environment: environment)
        #expect(stale.status == 0, "\(stale.stderr)")
        #expect(stale.stdout == "added E-1: IAM credential report, Q3, expires 2026-10-01\n")
        #expect(stale.stderr.contains("warning: E-1 has already expired: it stopped counting on 2026-10-01 (the controls' shortest review frequency counts it for 1 day after 2026-09-30), before today, 2026-11-22"), "\(stale.stderr)")
        let fresh = try runCrosswalk(
            [
                "evidence", "add", "--control", "IAM-08", "--title", "Quarterly user access review, Q3 2026", "--file",
                "Examples/acme/evidence/files/access-review-2026-q3.md", "--owner", "Identity and access manager", "--effective", "2026-09-30",
                "--store", store,
            ], environment: environment)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(fresh.stdout == "added E-2: Quarterly user access review, Q3 2026, expires 2026-12-31\n")
        #expect(fresh.stderr.isEmpty, "\(fresh.stderr)")
    }

    // MARK: - the command line

    @Test("global options work before the subcommand too")
    func globalOptionsFirst() throws {
        let before = try runCrosswalk(["--no-color", "--frameworks", Paths.fixture("dates/none"), "frameworks"])
        let after = try runCrosswalk(["frameworks", "--no-color", "--frameworks", Paths.fixture("dates/none")])
        #expect(before.status == 1)
        #expect(before.stderr.contains("dates/none: error: cannot read the frameworks folder"), "\(before.stderr)")
        #expect(before.status == after.status && before.stderr == after.stderr && before.stdout == after.stdout)
        let listed = try runCrosswalk(["--no-color", "frameworks"])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("soc2"))
    }

    @Test(
        "an unknown id or subcommand is a usage error (64) with did-you-mean and the usage of the subcommand it concerns",
        arguments: [
            (["gapp"], "'gapp' is not a crosswalk command (did you mean 'gap'?)", "Usage: crosswalk [--frameworks <dir>]"),
            (["evidence", "lst"], "'lst' is not a crosswalk evidence command (did you mean 'list'?)", "Usage: crosswalk evidence <subcommand>"),
            (["gap", "iso27001"], "no framework with id 'iso27001' (did you mean 'iso27001-2013' or 'iso27001-2022'?)", "Usage: crosswalk gap "),
            (["show", "iso27001"], "no framework with id 'iso27001' in Frameworks (did you mean 'iso27001-2013' or 'iso27001-2022'?)", "Usage: crosswalk show "),
            (["checklist", "hipa"], "no framework with id 'hipa' (did you mean 'hipaa'?)", "Usage: crosswalk checklist "),
            (["diff", "soc2", "iso"], "no framework with id 'iso' (did you mean 'iso27001-2013' or 'iso27001-2022'?)", "Usage: crosswalk diff "),
            (["map", "soc2:CC61"], "no requirement 'CC61' in soc2 (did you mean 'soc2:CC6.1'?)", "Usage: crosswalk map "),
            (["map", "soc2:CC6.1", "--to", "iso2022"], "--to: no framework with id 'iso2022'", "Usage: crosswalk map "),
            (["evidence", "list", "--framework", "soc3"], "--framework: no framework with id 'soc3' (did you mean 'soc1' or 'soc2'?)", "Usage: crosswalk evidence list"),
            (["evidence", "list", "--control", "IAM-99"], "--control: unknown control 'IAM-99' (did you mean", "Usage: crosswalk evidence list"),
            (["evidence", "list", "--requirement", "hipaa:164.999"], "--requirement: no requirement '164.999' in hipaa", "Usage: crosswalk evidence list"),
            (["diff", "soc2", "soc2"], "give two different frameworks: 'soc2' compared with itself", "Usage: crosswalk diff "),
            (["oscal", "export-mapping", "soc2", "iso27001"], "no framework with id 'iso27001' (did you mean", "Usage: crosswalk oscal export-mapping "),
        ])
    func usageErrors(_ arguments: [String], _ message: String, _ usage: String) throws {
        let store = try scratch("usage") + "/evidence.sqlite"
        // A store, so that the evidence filters are checked against the catalogues, not refused for want of one.
        if arguments.first == "evidence" {
            let made = try runCrosswalk(["evidence", "import", "Examples/acme/evidence/evidence.csv", "--store", store])
            #expect(made.status == 0, "\(made.stderr)")
        }
        let result = try runCrosswalk(arguments + (arguments.first == "evidence" ? ["--store", store] : []))
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: \(message)"), "\(result.stderr)")
        #expect(result.stderr.contains(usage), "\(result.stderr)")
    }

    @Test("a file that is not there is a problem of the input (exit 1) in every command that reads one", arguments: [
        ["validate", "no-such-file.yaml"], ["show", "no-such-file.yaml"], ["evidence", "import", "no-such-file.json"],
        ["evidence", "add", "--control", "IAM-08", "--title", "t", "--owner", "o", "--effective", "2026-09-30", "--file", "no-such-file.md"],
        ["oscal", "import-mapping", "no-such-file.json"],
    ])
    func missingFile(_ arguments: [String]) throws {
        let store = try scratch("missing") + "/evidence.sqlite"
        let result = try runCrosswalk(arguments + (arguments.first == "evidence" ? ["--store", store] : []))
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("no-such-file"), "\(result.stderr)")
        #expect(result.stderr.contains("no such file"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("counts agree with their nouns: 1 file, 1 error, 1 item, 1 audit log entry")
    func plurals() throws {
        let validate = try runCrosswalk(["validate", Paths.loadFixture("diagnostics/unknown-kind-contrl.yaml")])
        #expect(validate.stdout == "1 file checked: 1 error, 0 warnings\n")
        let store = try scratch("plurals") + "/evidence.sqlite"
        let environment = ["CROSSWALK_NOW": "2026-11-22T12:00:00Z", "CROSSWALK_ACTOR": "test"]
        let added = try runCrosswalk(
            [
                "evidence", "add", "--control", "IAM-08", "--title", "Access review", "--file", "Examples/acme/evidence/files/access-review-2026-q3.md",
                "--owner", "IAM", "--effective", "2026-09-30", "--store", store,
            ], environment: environment)
        #expect(added.status == 0, "\(added.stderr)")
        let list = try runCrosswalk(["evidence", "list", "--store", store])
        #expect(list.stdout.hasSuffix("\n1 item\n"), "\(list.stdout)")
        let verify = try runCrosswalk(["evidence", "verify", "--store", store])
        #expect(verify.stdout == "verified 1 file and 1 audit log entry: no changes\n", "\(verify.stdout)")
    }

    @Test("the diff heading says which framework's programme covers which")
    func diffHeading() throws {
        let result = try runCrosswalk(["diff", "iso27001-2022", "soc2"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("What soc2 needs, and how much of it a programme for iso27001-2022 covers:\n"), "\(result.stdout.prefix(200))")
    }
}

/// `oscal import-mapping` and `validate` on a crosswalk for a pair of frameworks that is mapped already.
@Suite("crosswalk duplicates")
struct DuplicateCrosswalkTests {
    @Test("importing a crosswalk for a pair already mapped warns, and names each link that contradicts a shipped one")
    func importDuplicatePair() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let exported = try runCrosswalk(["oscal", "export-mapping", "soc2", "iso27001-2022", "--format", "json", "--out", folder + "/soc2-iso.json"])
        #expect(exported.status == 0, "\(exported.stderr)")
        // The same collection with its first link's relationship changed.
        var text = try String(contentsOfFile: folder + "/soc2-iso.json", encoding: .utf8)
        let first = try #require(text.range(of: "\"relationship\": \"intersects-with\""))
        text.replaceSubrange(first, with: "\"relationship\": \"superset-of\"")
        try text.write(toFile: folder + "/changed.json", atomically: true, encoding: .utf8)
        let result = try runCrosswalk(["oscal", "import-mapping", folder + "/changed.json", "--out", folder + "/changed.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: soc2 → iso27001-2022 is already mapped by Mappings/crosswalks/soc2--iso27001-2022.yaml; keep one crosswalk per pair of frameworks"), "\(result.stderr)")
        let contradictions = result.stderr.split(separator: "\n").filter { $0.contains("here but") }
        #expect(contradictions.count == 1, "\(result.stderr)")
        #expect(contradictions.first?.contains("is superset-of here but intersects-with in Mappings/crosswalks/soc2--iso27001-2022.yaml:") == true)
        // Unchanged, only the duplicate pair is reported.
        let same = try runCrosswalk(["oscal", "import-mapping", folder + "/soc2-iso.json", "--out", folder + "/same.yaml"])
        #expect(same.stderr.split(separator: "\n").filter { $0.contains("warning:") }.count == 1, "\(same.stderr)")
    }

    @Test("validate warns when two files map the same pair of frameworks, either way round")
    func validateDuplicatePair() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pairs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/crosswalks", withIntermediateDirectories: true)
        let shipped = "Mappings/crosswalks/hipaa--iso27001-2022.yaml"
        try FileManager.default.copyItem(atPath: Paths.root.path + "/" + shipped, toPath: folder + "/crosswalks/hipaa--iso27001-2022.yaml")
        try """
            source: iso27001-2022
            target: hipaa
            provenance: a second opinion
            maps:
              - {source: "A.8.24", target: "164.312(a)(2)(iv)", relationship: equal, rationale: semantic, strength: 5, note: "Both ask for encryption."}

            """.write(toFile: folder + "/crosswalks/iso27001-2022--hipaa.yaml", atomically: true, encoding: .utf8)
        let result = try runCrosswalk(["validate", "--mappings", folder])
        #expect(result.stderr.contains("iso27001-2022--hipaa.yaml:1:1: warning: iso27001-2022 → hipaa is already mapped by"), "\(result.stderr)")
        #expect(result.stderr.contains("(the other way round)"))
        #expect(result.stderr.contains("warning: 'iso27001-2022:A.8.24' → 'hipaa:164.312(a)(2)(iv)' is equal here but superset-of in "), "\(result.stderr)")
    }
}

/// Finding the catalogues and mappings from anywhere (ProjectLocator).
@Suite("project folders")
struct ProjectFolderTests {
    func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("project-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The environment without the variables that would decide the folders by themselves.
    var cleanEnvironment: [String: String] { ["CROSSWALK_FRAMEWORKS": "", "CROSSWALK_MAPPINGS": "", "CROSSWALK_HOME": ""] }

    @Test("from a folder inside the repository, crosswalk.yaml above it says where the folders are")
    func fromASubfolder() throws {
        let result = try runCrosswalk(["frameworks"], directory: Paths.root.path + "/docs")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("iso27001-2022"))
        let located = ProjectLocator(
            frameworksOption: nil, mappingsOption: nil, environment: [:], workingDirectory: Paths.root.path + "/docs/schema", executable: nil
        ).locate()
        #expect(located.frameworksDirectory == "../../Frameworks")
        #expect(located.mappingsDirectory == "../../Mappings")
        #expect(located.projectFile == "../../crosswalk.yaml")
    }

    @Test("CROSSWALK_HOME, then a copy of the executable in a bin/ beside share/crosswalk/")
    func homeAndInstalledLayout() throws {
        let folder = try scratch()
        let home = try runCrosswalk(["frameworks"], environment: ["CROSSWALK_HOME": Paths.root.path], directory: folder)
        #expect(home.status == 0, "\(home.stderr)")
        #expect(home.stdout.contains("soc2"))
        // An installed layout: PREFIX/bin/crosswalk and PREFIX/share/crosswalk/{Frameworks,Mappings}.
        try FileManager.default.createDirectory(atPath: folder + "/prefix/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/prefix/share/crosswalk", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.executable, toPath: folder + "/prefix/bin/crosswalk")
        try FileManager.default.copyItem(atPath: Paths.root.path + "/Frameworks", toPath: folder + "/prefix/share/crosswalk/Frameworks")
        try FileManager.default.copyItem(atPath: Paths.root.path + "/Mappings", toPath: folder + "/prefix/share/crosswalk/Mappings")
        let installed = try runCrosswalk(["map", "soc2:CC6.1"], directory: folder, executable: folder + "/prefix/bin/crosswalk")
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("CC6.1"))
    }

    @Test("nothing found: the error lists every place it looked")
    func nothingFound() throws {
        let folder = try scratch()
        try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.executable, toPath: folder + "/bin/crosswalk")
        // An empty variable counts as unset.
        let result = try runCrosswalk(["frameworks"], environment: cleanEnvironment, directory: folder, executable: folder + "/bin/crosswalk")
        let text = result.stderr
        #expect(result.status == 1)
        #expect(text.contains("Frameworks: error: cannot read the frameworks folder; looked for it in: CROSSWALK_HOME (not set); crosswalk.yaml in "), "\(text)")
        #expect(text.contains("\(folder)/Frameworks"))
        #expect(text.contains("beside the executable: \(folder)/share/crosswalk/Frameworks, \(folder)/bin/Frameworks"))
    }

    @Test("a crosswalk.yaml with an unknown key is an error at its line and column")
    func badProjectFile() throws {
        let folder = try scratch()
        try "frameworks: Frameworks\nmapings: Mappings\n".write(toFile: folder + "/crosswalk.yaml", atomically: true, encoding: .utf8)
        let result = try runCrosswalk(["frameworks"], environment: cleanEnvironment, directory: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("crosswalk.yaml:2:1: error: unknown key 'mapings' in a project file (did you mean 'mappings'?)"), "\(result.stderr)")
    }
}
