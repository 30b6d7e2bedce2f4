import ArgumentParser
import CrosswalkApp
import CrosswalkEvidence
import CrosswalkFiles
import CrosswalkImport
import CrosswalkModel
import CrosswalkRender
import Foundation

struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Track evidence per control: files with hashes, owners, expiry, imported automated findings.",
        discussion: """
            The store is SQLite at .crosswalk/evidence.sqlite (--store, CROSSWALK_STORE); attached files are \
            kept beside it by SHA-256. Every change adds a revision and a hash-chained audit log entry.
            """,
        subcommands: [Add.self, List.self, Show.self, Accept.self, Reject.self, Import.self, Verify.self]
    )

    /// Options every evidence command shares.
    struct StoreOptions: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp("The evidence store (env CROSSWALK_STORE).", valueName: "path"))
        var store: String?

        @Option(name: .long, help: ArgumentHelp("Who makes the change (env CROSSWALK_ACTOR, else $USER).", valueName: "name"))
        var actor: String?

        var path: String { storePath(store) }

        var actorName: String {
            let env = ProcessInfo.processInfo.environment
            return actor ?? env["CROSSWALK_ACTOR"] ?? env["USER"] ?? "unknown"
        }

        /// The largest file a store takes: CROSSWALK_MAX_FILE_SIZE, else 1 GiB.
        func maxFileSize() throws -> Int64 {
            guard let text = ProcessInfo.processInfo.environment["CROSSWALK_MAX_FILE_SIZE"] else { return Attachment.defaultMaxFileSize }
            guard let size = Attachment.parseByteCount(text) else {
                throw RuntimeError("CROSSWALK_MAX_FILE_SIZE '\(text)' is not a size such as 1073741824, 512MiB or 2GiB")
            }
            return size
        }

        /// The store, for a command that writes (`create`: made when missing) or only reads or
        /// changes existing items (a missing store is an error: read commands never create one).
        func open(create: Bool = false) throws -> EvidenceStore {
            if !create && !FileManager.default.fileExists(atPath: path) {
                throw RuntimeError(
                    "no evidence store at \(path) (give --store PATH or set CROSSWALK_STORE; evidence add and evidence import create one)")
            }
            let fixed = try Clock.fixed()
            let maxFileSize = try maxFileSize()
            do {
                let store = try EvidenceStore(path: path, actor: actorName, clock: { fixed ?? Date() })
                store.maxFileSize = maxFileSize
                return store
            } catch {
                throw RuntimeError("cannot open the evidence store \(path): \(EvidenceStore.describe(error))")
            }
        }
    }

    // MARK: - add

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a piece of evidence for customer controls and/or requirements.",
            discussion: """
                Example: crosswalk evidence add --control IAM-08 --title "Quarterly user access review, Q3 2026" \
                --file access-review-2026-q3.md --owner "Identity and access manager" --effective 2026-09-30
                Without --expires, the evidence expires after the shortest review frequency of its controls \
                (IAM-08 is quarterly: 92 days after --effective-to, else --effective); a warning says when \
                it has expired already.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .long, help: "A customer control id (repeatable).") var control: [String] = []
        @Option(name: .long, help: "A requirement as FRAMEWORK:ID (repeatable).") var requirement: [String] = []
        @Option(name: .long, help: "What it is.") var title: String
        @Option(name: .long, help: "A file to attach (repeatable); copied into the store.") var file: [String] = []
        @Option(name: .long, help: "Who owns it (a role or person).") var owner: String
        @Option(name: .long, help: ArgumentHelp("Start of the audit window it belongs to (YYYY-MM-DD).", valueName: "date"))
        var effective: String
        @Option(name: .long, help: ArgumentHelp("End of that window (YYYY-MM-DD).", valueName: "date")) var effectiveTo: String?
        @Option(name: .long, help: ArgumentHelp("When it stops counting (YYYY-MM-DD).", valueName: "date")) var expires: String?
        @Option(name: .long, help: "document, screenshot, policy, config-export, attestation, aws-attestation.")
        var kind: String = "document"
        @Option(name: .long, help: "Where it came from.") var source: String = ""
        @Option(name: .long, help: "Free notes.") var notes: String = ""

        func validate() throws {
            if control.isEmpty && requirement.isEmpty { throw ValidationError("give at least one --control or --requirement") }
            try checkDate(effective, option: "effective")
            try checkDate(effectiveTo, option: "effective-to")
            try checkDate(expires, option: "expires")
            guard let kind = EvidenceKind(rawValue: kind), kind != .automatedFinding else {
                throw ValidationError("--kind must be one of document, screenshot, policy, config-export, attestation, aws-attestation")
            }
        }

        func run() async throws {
            // A file that cannot be read is a problem of the input (exit 1), as in validate and show.
            for path in file where !FileManager.default.fileExists(atPath: path) { throw RuntimeError("\(path): no such file") }
            let project = try Project(global)
            // Every id is checked before the store is opened, so a mistyped one creates no store.
            _ = try requirement.map { try project.requirement($0, option: "--requirement") }
            _ = try control.map { try project.control($0) }
            let new = EvidenceOperations.NewItem(
                title: title, kind: EvidenceKind(rawValue: kind)!, controls: control, requirements: requirement, owner: owner, source: source,
                effective: effective, effectiveTo: effectiveTo, expires: expires, notes: notes, files: file)
            let (item, warning) = try await EvidenceOperations.add(new, project: project, store: try storeOptions.open(create: true), today: try Clock.today())
            writeOutput("added \(item.displayID): \(item.title)\(item.expiresAt.map { ", expires \($0)" } ?? "")\n")
            if let warning { global.printer.print([.warning(warning, at: .file(storeOptions.path))]) }
        }
    }

    // MARK: - list

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List evidence, filtered.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .long, help: "Evidence for this control (direct, and findings of its Prowler checks).") var control: String?
        @Option(name: .long, help: "Evidence linked to this requirement (FRAMEWORK:ID).") var requirement: String?
        @Option(name: .long, help: "Evidence linked to requirements of this framework.") var framework: String?
        @Option(name: .long, help: "draft, submitted, accepted or rejected.") var status: String?
        @Flag(name: .long, help: "Only expired evidence (as of --as-of, default today).") var expired = false
        @Flag(name: .long, help: "Only automated findings whose latest result is FAIL.") var failing = false
        @Option(name: .long, help: ArgumentHelp("The date for --expired (YYYY-MM-DD).", valueName: "date")) var asOf: String?
        @Option(name: .long, help: "Output format.") var format: TextOrJSON = .text

        func validate() throws { try checkDate(asOf, option: "as-of") }

        func run() throws {
            var filter = EvidenceFilter()
            // Every id a filter names must exist, the same way for each filter.
            if control != nil || requirement != nil || framework != nil {
                let loaded = try Project(global)
                if let control {
                    let found = try loaded.control(control)
                    filter.control = control
                    filter.controlChecks = Set(found.prowlerChecks + found.configRules)
                }
                if let requirement { filter.requirement = try loaded.requirement(requirement, option: "--requirement") }
                if let framework { filter.framework = try lookUpFramework(framework, in: loaded.frameworks, option: "framework").id }
            }
            if let status {
                guard let parsed = EvidenceStatus(rawValue: status) else {
                    throw ValidationError("--status must be draft, submitted, accepted or rejected")
                }
                filter.status = parsed
            }
            if expired { filter.expiredOn = try asOf ?? Clock.today() }
            filter.failing = failing
            let items = try storeOptions.open().list(filter)
            writeOutput(format == .json ? EvidenceRender.listJSON(items) : EvidenceRender.listText(items))
        }
    }

    // MARK: - show, accept, reject

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one evidence item with its files and revisions.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The item (E-12 or 12).") var id: String
        @Option(name: .long, help: "Output format.") var format: TextOrJSON = .text

        func run() async throws {
            let (item, history) = try await EvidenceOperations.show(id, store: try storeOptions.open())
            let revisions = history.map { EvidenceRevisionLine(revision: $0.revision, changedAt: $0.changedAt, changedBy: $0.changedBy) }
            writeOutput(format == .json ? EvidenceRender.itemJSON(item, revisions: revisions) : EvidenceRender.itemText(item, revisions: revisions))
        }
    }

    /// What accept and reject share: the item, a note, one new revision with the new status.
    struct StatusChange: ParsableArguments {
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The item (E-12 or 12).") var id: String
        @Option(name: .long, help: "Why.") var note: String?

        func set(_ status: EvidenceStatus) async throws {
            let item = try await EvidenceOperations.setStatus(id, to: status, note: note, store: try storeOptions.open())
            writeOutput("\(item.displayID) \(status.rawValue) (revision \(item.revision))\n")
        }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Accept an evidence item (a new revision).")
        @OptionGroup var change: StatusChange
        func run() async throws { try await change.set(.accepted) }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject an evidence item (a new revision).")
        @OptionGroup var change: StatusChange
        func run() async throws { try await change.set(.rejected) }
    }

    // MARK: - import

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import automated findings (Prowler OCSF, CSV or compliance CSV, Security Hub ASFF, AWS Config results) or an evidence CSV.",
            discussion: """
                All or nothing: a malformed record rolls the whole import back and names the file, line, column (JSON) and record. \
                Importing the same file again adds nothing; a later scan adds new observations, and the latest \
                observation of a check on a resource decides its current result.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The file to import.") var file: String
        @Option(name: .long, help: "auto, prowler-ocsf, prowler-csv, prowler-compliance, asff, config or csv.") var format: String = "auto"
        @Option(name: .long, help: "Account of AWS Config results (they do not carry it).") var account: String = ""
        @Option(name: .long, help: "Region of AWS Config results.") var region: String = ""
        @Flag(name: .long, help: "Let an evidence CSV attach files outside its own folder (absolute paths, .., symbolic links out).")
        var allowFilesOutside = false
        @Option(
            name: .long,
            help: ArgumentHelp("The largest file an evidence CSV may attach (default 1GiB; env CROSSWALK_MAX_FILE_SIZE).", valueName: "size"))
        var maxFileSize: String?

        func run() async throws {
            guard let format = ImportFormat(rawValue: format) else {
                throw ValidationError("--format must be one of \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard FileManager.default.fileExists(atPath: file) else { throw RuntimeError("\(file): no such file") }
            var options = EvidenceImports.Options(maxFileSize: try storeOptions.maxFileSize())
            if let maxFileSize {
                guard let size = Attachment.parseByteCount(maxFileSize) else {
                    throw ValidationError("--max-file-size '\(maxFileSize)' is not a size such as 1073741824, 512MiB or 2GiB")
                }
                options.maxFileSize = size
            }
            options.format = format
            options.account = account
            options.region = region
            options.allowFilesOutside = allowFilesOutside
            let store = try storeOptions.open(create: true)
            store.maxFileSize = options.maxFileSize
            let progress = ProgressLine()
            do {
                let outcome = try await EvidenceImports.run(
                    file, options: options, workspace: global.workspace, store: store, progress: { progress.update($0) })
                progress.finish()
                let summary = outcome.summary
                var line = ImportSummaryLine(
                    file: summary.file, format: summary.format.rawValue, records: summary.records,
                    addedItems: summary.addedItems, newObservations: summary.newObservations, unchanged: summary.unchanged,
                    unknownRequirements: summary.unknownRequirements, alreadyImported: summary.alreadyImported,
                    results: Dictionary(uniqueKeysWithValues: summary.results.map { ($0.key.rawValue, $0.value) }))
                line.unknownExamples = summary.unknownExamples
                writeOutput(EvidenceRender.importSummary(line))
                global.printer.print(outcome.diagnostics.sorted)
            } catch let problems as EvidenceImports.MappingProblems {
                progress.finish()
                global.printer.print(problems.diagnostics.sorted)
                throw ExitCode(1)
            } catch let error as ImportError {
                progress.finish()
                global.printer.print([
                    .error(
                        error.message + (error.record.map { " (record \($0))" } ?? ""),
                        at: SourceLocation(file: error.file, line: error.line, column: error.column ?? 0))
                ])
                FileHandle.standardError.write(Data("nothing was imported: the store is as it was\n".utf8))
                throw ExitCode(1)
            }
        }
    }

    // MARK: - verify

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-hash every stored file and check the audit log's hash chain; exit 1 naming everything that changed.")
        @OptionGroup var storeOptions: StoreOptions
        func run() async throws {
            let verification = try await EvidenceOperations.verify(try storeOptions.open())
            let problems = verification.report.problems
            for problem in problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
            for note in verification.report.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
            let files = verification.files
            let entries = verification.entries
            if problems.isEmpty {
                writeOutput("verified \(counted(files, "file")) and \(counted(entries, "audit log entry")): no changes\n")
            } else {
                writeOutput("\(counted(problems.count, "problem")) in \(counted(files, "file")) and \(counted(entries, "audit log entry"))\n")
                throw ExitCode(1)
            }
        }
    }
}

/// A one-line progress indicator on standard error, shown only on a terminal and only once the
/// work has taken more than a second.
final class ProgressLine: @unchecked Sendable {
    let start = Date()
    let enabled = isatty(STDERR_FILENO) != 0
    var shown = false

    func update(_ records: Int) {
        guard enabled, Date().timeIntervalSince(start) > 1 else { return }
        shown = true
        let rate = Double(records) / Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data("\r\u{1B}[Kimporting: \(records) records (\(Int(rate))/s)".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
