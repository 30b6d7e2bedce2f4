import CrosswalkFiles
import CrosswalkModel
import Foundation

/// The requirements of the shipped catalogues, to check findings' references against (nil: keep
/// every reference). Loading the catalogues takes about 0.1 s and an import of findings needs them
/// only once the file has been read, so they can load on another thread meanwhile.
public final class KnownRequirements: @unchecked Sendable {
    private final class Box: @unchecked Sendable { var value: Set<RequirementRef>? }
    private let box = Box()
    private let loader: JoinableThread?

    /// Requirements already at hand.
    public init(_ requirements: Set<RequirementRef>?) {
        box.value = requirements
        loader = nil
    }

    /// The requirements `load` returns, run now on a new thread.
    public init(loading load: @escaping @Sendable () -> Set<RequirementRef>?) {
        let box = box
        loader = JoinableThread(name: "crosswalk-catalogues") { box.value = load() }
    }

    /// The requirements (waits for the loading thread to end).
    public var value: Set<RequirementRef>? {
        loader?.join()
        return box.value
    }
}

/// `crosswalk evidence import FILE`: tells the format, reads the records and streams them into a
/// store's ``FindingSink``, all or nothing. Large Prowler OCSF files are streamed element by
/// element; the other formats are read whole first (they are small next to OCSF scans).
public struct FindingImporter: Sendable {
    public var store: any EvidenceImporting
    /// Requirements of the shipped catalogues (findings' references to anything else are left out).
    public var knownRequirements: KnownRequirements
    /// How Prowler writes framework keys and requirement ids (`Mappings/findings/`); nil: the
    /// findings' requirement references are left out.
    public var notation: RequirementNotation?
    /// For AWS Config results, which carry neither.
    public var account = ""
    public var region = ""
    /// The finding-type rules (`Mappings/findings/`) for Security Hub findings without a
    /// `Compliance.Status`; nil: none loaded (such a finding is then an error).
    public var findingTypes: [FindingTypeRule]?
    /// Called with the number of records stored so far, every 10,000.
    public var progress: (@Sendable (Int) -> Void)?
    /// Lets the evidence CSV attach files outside its own folder (absolute paths, `..`, symbolic
    /// links that lead out); off by default, so an untrusted CSV cannot pull in any readable file.
    public var allowFilesOutside = false
    /// The largest file the evidence CSV may attach.
    public var maxFileSize = Attachment.defaultMaxFileSize

    public init(
        store: any EvidenceImporting, knownRequirements: KnownRequirements = KnownRequirements(nil), notation: RequirementNotation? = nil
    ) {
        self.store = store
        self.knownRequirements = knownRequirements
        self.notation = notation
    }

    /// How references are resolved at the end of an import (waits for the catalogues to load).
    var resolver: RequirementResolver { RequirementResolver(known: knownRequirements.value, notation: notation) }

    public func run(path: String, format requested: ImportFormat = .auto) async throws -> ImportSummary {
        let format = requested == .auto ? try Self.detect(path: path) : requested
        let notation = notation ?? RequirementNotation(tool: "prowler")
        switch format {
        case .prowlerOCSF:
            let hasher = BackgroundSHA256()
            defer { _ = hasher.finish() }
            let sink = try await store.beginImport(file: path, format: format)
            do {
                var stored = 0
                try await Self.streamOCSF(path: path, hasher: hasher, notation: notation) { batch in
                    try await sink.add(batch)
                    reportProgress(from: stored, adding: batch.count)
                    stored += batch.count
                }
                // The whole file has been read (and hashed); the catalogues have had that long to load.
                return try await sink.commit(sha256: hasher.finish(), requirements: resolver)
            } catch {
                await sink.cancel()
                throw error
            }
        case .asff, .config, .prowlerCSV, .prowlerCompliance:
            let (sha256, _) = try Self.digest(path)
            let findings: [ImportedFinding]
            switch format {
            case .asff, .config:
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ImportError(file: path, line: 0, message: "cannot be read")
                }
                findings = try data.withUnsafeBytes { raw in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    return format == .asff
                        ? try FindingParsers.asff(bytes, file: path, findingTypes: findingTypes, notation: notation)
                        : try FindingParsers.config(bytes, file: path, account: account, region: region)
                }
            case .prowlerCSV: findings = try Self.prowlerCSV(path: path, notation: notation)
            default: findings = try Self.prowlerComplianceCSV(path: path, notation: notation)
            }
            let sink = try await store.beginImport(file: path, format: format)
            do {
                var stored = 0
                while stored < findings.count {
                    let batch = Array(findings[stored..<min(stored + Self.batchSize, findings.count)])
                    try await sink.add(batch)
                    reportProgress(from: stored, adding: batch.count)
                    stored += batch.count
                }
                return try await sink.commit(sha256: sha256, requirements: resolver)
            } catch {
                await sink.cancel()
                throw error
            }
        case .csv:
            let (sha256, _) = try Self.digest(path)
            let rows = try Self.manualCSV(
                path: path, knownRequirements: knownRequirements.value,
                files: FilePolicy(allowOutside: allowFilesOutside, maxSize: maxFileSize))
            return try await store.importManual(file: path, sha256: sha256, rows: rows)
        case .auto:
            throw ImportError(file: path, line: 0, message: "cannot tell the format")
        }
    }

    /// Calls `progress` when a batch crosses a multiple of 10,000 records.
    private func reportProgress(from stored: Int, adding count: Int) {
        guard let progress, (stored + count) / 10_000 > stored / 10_000 else { return }
        progress((stored + count) / 10_000 * 10_000)
    }

    /// A file's SHA-256, or an error naming it.
    static func digest(_ path: String) throws -> (digest: String, size: Int64) {
        do {
            return try FileDigest.sha256(ofFile: path)
        } catch {
            throw ImportError(file: path, line: 0, message: "cannot be read (\(error))")
        }
    }

    /// Findings handed from the parsing thread to the storing task at a time.
    static let batchSize = 256

    /// A Prowler OCSF file in one pass: a parser thread reads and parses the file and hands
    /// batches of findings through a bounded queue to the calling task, which stores them (inside
    /// the import's transaction) without blocking a thread while it waits; the hasher's thread
    /// hashes the bytes read. A failure on either side stops both; the parser thread has ended
    /// when this returns.
    static func streamOCSF(
        path: String, hasher: BackgroundSHA256, notation: RequirementNotation, _ consume: ([ImportedFinding]) async throws -> Void
    ) async throws {
        let queue = BoundedQueue<[ImportedFinding]>(capacity: 8)
        let parser = JoinableThread(name: "crosswalk-parse") {
            struct Cancelled: Error {}
            do {
                var batch: [ImportedFinding] = []
                batch.reserveCapacity(batchSize)
                try readOCSF(path: path, chunkReader: hasher, notation: notation) { finding in
                    batch.append(finding)
                    if batch.count == batchSize {
                        guard queue.put(batch) else { throw Cancelled() }
                        batch = []
                        batch.reserveCapacity(batchSize)
                    }
                }
                if !batch.isEmpty { _ = queue.put(batch) }
                queue.finish()
            } catch {
                queue.finish(throwing: error)
            }
        }
        do {
            while let batch = try await queue.next() { try await consume(batch) }
        } catch {
            queue.cancel()
            parser.join()
            throw error
        }
        parser.join()
    }

    /// Streams the findings of a Prowler OCSF file; `chunkReader` sees every byte once, in order.
    /// The compliance mapping is the same for every finding of a check: it is read from the first.
    static func readOCSF(
        path: String, chunkReader: ChunkReader?, notation: RequirementNotation, _ found: (ImportedFinding) throws -> Void
    ) throws {
        var mapped: Set<String> = []
        do {
            try JSONArrayStream.forEachElement(path: path, chunkReader: chunkReader) { scan, start, position in
                let parsed: (finding: ImportedFinding, end: Int)
                do {
                    // The first finding of each check carries its mapping; the others skip it.
                    parsed = try FindingParsers.ocsf(scan, at: start, notation: notation, wantsRequirements: { mapped.insert($0).inserted })
                } catch let failure as JSONScan.Failure where !failure.truncated {
                    let (line, column) = JSONArrayStream.position(ofOffset: position.bufferOffset + failure.offset, in: path)
                    throw ImportError(file: path, line: line, column: column, record: position.index + 1, message: failure.message)
                }
                try found(parsed.finding)
                return parsed.end
            }
        } catch let failure as JSONArrayStream.Failure {
            let (line, column) = JSONArrayStream.position(ofOffset: failure.offset, in: path)
            throw ImportError(
                file: path, line: line, column: column, record: failure.index.map { $0 + 1 }, message: "malformed JSON: \(failure.message)")
        }
    }

    // MARK: - Format detection

    /// Looks at the start of the file: JSON arrays of OCSF or ASFF findings, ASFF or Config
    /// objects, Prowler's `;` CSV or compliance CSV, or our evidence CSV.
    public static func detect(path: String) throws -> ImportFormat {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportError(file: path, line: 0, message: "cannot be read") }
        defer { try? handle.close() }
        let head = String(decoding: (try handle.read(upToCount: 64 << 10)) ?? Data(), as: UTF8.self)
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.first == "[" {
            if head.contains("\"status_code\"") && head.contains("\"metadata\"") { return .prowlerOCSF }
            if head.contains("\"SchemaVersion\"") || head.contains("\"GeneratorId\"") { return .asff }
            if trimmed.dropFirst().drop(while: \.isWhitespace).first == "]" {
                throw ImportError(file: path, line: 1, message: "an empty array: nothing tells the format; give --format")
            }
        } else if trimmed.first == "{" {
            if head.contains("\"Findings\"") { return .asff }
            if head.contains("\"EvaluationResults\"") { return .config }
        } else {
            let firstLine = trimmed.prefix { $0 != "\n" && $0 != "\r\n" }
            let semicolonColumns = Set(firstLine.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
            if semicolonColumns.isSuperset(of: ["REQUIREMENTS_ID", "CHECKID", "STATUS"]) { return .prowlerCompliance }
            if firstLine.contains("CHECK_ID") && firstLine.contains(";") { return .prowlerCSV }
            let headers = firstLine.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if headers.contains("title") && headers.contains("kind") { return .csv }
        }
        throw ImportError(
            file: path, line: 1,
            message: "cannot tell the format: expected Prowler OCSF JSON, Prowler CSV, a Prowler compliance CSV, ASFF, AWS Config results or the evidence CSV (give --format)")
    }

    // MARK: - CSV formats

    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw ImportError(file: path, line: 0, message: "cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw ImportError(file: path, line: 0, message: "not UTF-8 text") }
        return text
    }

    static func csvRows(_ path: String, delimiter: Character) throws -> [CSVReader.Row] {
        do {
            return try CSVReader.rows(try readText(path), delimiter: delimiter)
        } catch let failure as CSVReader.Failure {
            throw ImportError(file: path, line: failure.line, message: "malformed CSV: \(failure.message)")
        }
    }

    /// Prowler's CSV (`;`-separated): one finding per row.
    static func prowlerCSV(path: String, notation: RequirementNotation) throws -> [ImportedFinding] {
        let rows = try csvRows(path, delimiter: ";")
        guard let header = rows.first else { throw ImportError(file: path, line: 1, message: "the file is empty") }
        var column: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() { column[name] = i }
        for needed in ["CHECK_ID", "STATUS", "RESOURCE_UID", "REGION", "ACCOUNT_UID", "TIMESTAMP"] where column[needed] == nil {
            throw ImportError(file: path, line: header.line, message: "no \(needed) column (expected Prowler's CSV output)")
        }
        return try rows.dropFirst().enumerated().map { index, row in
            func get(_ name: String) -> String {
                guard let i = column[name], i < row.fields.count else { return "" }
                return row.fields[i]
            }
            guard row.fields.count == header.fields.count else {
                throw ImportError(file: path, line: row.line, record: index + 1, message: "\(row.fields.count) fields, expected \(header.fields.count)")
            }
            guard let result = FindingResult(rawValue: get("STATUS").uppercased()) else {
                throw ImportError(file: path, line: row.line, record: index + 1, message: "STATUS '\(get("STATUS"))' is not PASS, FAIL or MANUAL")
            }
            var requirements: [RequirementRef] = []
            // "SOC2: cc_6_1, cc_6_2 | HIPAA: 164_312_a_2_iv | …"
            for part in get("COMPLIANCE").split(separator: "|") {
                guard let colon = part.firstIndex(of: ":") else { continue }
                let key = part[..<colon].trimmingCharacters(in: .whitespaces)
                guard let framework = notation.frameworks[key] else { continue }
                for id in part[part.index(after: colon)...].split(separator: ",") {
                    if let ours = notation.requirement(framework: framework, id: id.trimmingCharacters(in: .whitespaces)) {
                        requirements.append(RequirementRef(framework: framework, id: ours))
                    }
                }
            }
            // Prowler writes "2026-11-22 15:23:48.296441"; OCSF writes the same instant with a "T".
            let observed = get("TIMESTAMP").replacingOccurrences(of: " ", with: "T")
            guard Timestamp.microseconds(observed) != nil else {
                let start = column["TIMESTAMP"].flatMap { $0 < row.starts.count ? row.starts[$0] : nil }
                throw ImportError(
                    file: path, line: start?.line ?? row.line, column: start?.column, record: index + 1,
                    message: "TIMESTAMP '\(get("TIMESTAMP"))' \(Timestamp.expected)")
            }
            return ImportedFinding(
                tool: "prowler", checkID: get("CHECK_ID"), title: get("CHECK_TITLE").isEmpty ? get("CHECK_ID") : get("CHECK_TITLE"),
                resourceID: get("RESOURCE_UID"), account: get("ACCOUNT_UID"), region: get("REGION"),
                severity: get("SEVERITY").lowercased(), result: result, observedAt: observed, requirements: requirements)
        }
    }

    /// Prowler's per-framework compliance CSV (`prowler --compliance soc2_aws …` writes
    /// `compliance/<output>_soc2_aws.csv` beside the scan): `;`-separated, one row per requirement
    /// and finding, with the finding's check, resource, account, region, status and the scan's time.
    /// Each check on a resource becomes one finding, so importing it after the scan's OCSF or CSV
    /// adds nothing; a check's requirements are the union of its rows'. Rows with the check id
    /// `manual` are requirements Prowler has no check for (no resource, no account): not findings,
    /// left out. The file has no check titles and no severities.
    static func prowlerComplianceCSV(path: String, notation: RequirementNotation) throws -> [ImportedFinding] {
        let rows = try csvRows(path, delimiter: ";")
        guard let header = rows.first else { throw ImportError(file: path, line: 1, message: "the file is empty") }
        var column: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() { column[name.trimmingCharacters(in: .whitespaces)] = i }
        for needed in ["ACCOUNTID", "REGION", "ASSESSMENTDATE", "REQUIREMENTS_ID", "STATUS", "RESOURCEID", "CHECKID", "FRAMEWORK"]
        where column[needed] == nil {
            throw ImportError(file: path, line: header.line, message: "no \(needed) column (expected a Prowler compliance CSV)")
        }
        struct Key: Hashable { let check, account, region, resource: String }
        var order: [Key] = []
        var firstRow: [Key: (result: FindingResult, observed: String)] = [:]
        var requirements: [String: [RequirementRef]] = [:]
        for (index, row) in rows.dropFirst().enumerated() {
            func get(_ name: String) -> String {
                guard let i = column[name], i < row.fields.count else { return "" }
                return row.fields[i]
            }
            func fail(_ message: String) -> ImportError { ImportError(file: path, line: row.line, record: index + 1, message: message) }
            guard row.fields.count == header.fields.count else { throw fail("\(row.fields.count) fields, expected \(header.fields.count)") }
            let check = get("CHECKID")
            guard !check.isEmpty else { throw fail("empty CHECKID") }
            if check == "manual" { continue }
            guard let result = FindingResult(rawValue: get("STATUS").uppercased()) else {
                throw fail("STATUS '\(get("STATUS"))' is not PASS, FAIL or MANUAL")
            }
            guard !get("RESOURCEID").isEmpty else { throw fail("empty RESOURCEID") }
            guard !get("ASSESSMENTDATE").isEmpty else { throw fail("empty ASSESSMENTDATE") }
            guard Timestamp.microseconds(get("ASSESSMENTDATE")) != nil else {
                let start = column["ASSESSMENTDATE"].flatMap { $0 < row.starts.count ? row.starts[$0] : nil }
                throw ImportError(
                    file: path, line: start?.line ?? row.line, column: start?.column, record: index + 1,
                    message: "ASSESSMENTDATE '\(get("ASSESSMENTDATE"))' \(Timestamp.expected)")
            }
            let key = Key(check: check, account: get("ACCOUNTID"), region: get("REGION"), resource: get("RESOURCEID"))
            if firstRow[key] == nil {
                order.append(key)
                // Prowler writes "2026-11-22 15:23:48.296441"; OCSF writes the same instant with a "T".
                firstRow[key] = (result, get("ASSESSMENTDATE").replacingOccurrences(of: " ", with: "T"))
            }
            if let framework = Self.complianceFramework(get("FRAMEWORK"), name: get("NAME"), file: path, notation: notation),
                let ours = notation.requirement(framework: framework, id: get("REQUIREMENTS_ID").trimmingCharacters(in: .whitespaces))
            {
                let ref = RequirementRef(framework: framework, id: ours)
                if !(requirements[check]?.contains(ref) ?? false) { requirements[check, default: []].append(ref) }
            }
        }
        return order.map { key in
            let (result, observed) = firstRow[key]!
            return ImportedFinding(
                tool: "prowler", checkID: key.check, title: key.check, resourceID: key.resource, account: key.account,
                region: key.region, severity: "", result: result, observedAt: observed, requirements: requirements[key.check] ?? [])
        }
    }

    /// Crosswalk's framework id for a compliance CSV's FRAMEWORK column. Prowler writes ISO 27001
    /// as `ISO27001` for both editions: the edition is in NAME (`… Standard 2022`) or the file name
    /// (`_iso27001_2013_aws.csv`). Nil for frameworks Crosswalk does not ship (CIS, NIS2…).
    static func complianceFramework(_ framework: String, name: String, file: String, notation: RequirementNotation) -> String? {
        let key = framework.trimmingCharacters(in: .whitespaces)
        if let known = notation.frameworks[key] { return known }
        guard key == "ISO27001" else { return nil }
        let base = URL(fileURLWithPath: file).lastPathComponent
        for edition in ["2022", "2013"] where name.hasSuffix(edition) || base.contains("iso27001_\(edition)") {
            return "iso27001-\(edition)"
        }
        return nil
    }

    /// The columns of the evidence CSV (docs/evidence.md).
    public static let manualColumns = [
        "title", "kind", "controls", "requirements", "owner", "source", "effective_from", "effective_to", "expires_at",
        "status", "notes", "file",
    ]

    /// What the evidence CSV's `file` column may name.
    struct FilePolicy {
        /// Files outside the CSV's folder (absolute paths, `..`, symbolic links that lead out).
        var allowOutside = false
        /// The largest file, in bytes.
        var maxSize = Attachment.defaultMaxFileSize
    }

    /// The path with `..` and symbolic links resolved, nil when it cannot be resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Our evidence CSV: one manual evidence item per row; files are relative to the CSV's folder
    /// and must stay inside it (unless `files` allows more), regular files of at most its size.
    static func manualCSV(
        path: String, knownRequirements: Set<RequirementRef>?, files policy: FilePolicy = FilePolicy()
    ) throws -> [NewEvidence] {
        let rows = try csvRows(path, delimiter: ",")
        guard let header = rows.first else { throw ImportError(file: path, line: 1, message: "the file is empty") }
        var column: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard manualColumns.contains(key) else {
                throw ImportError(file: path, line: header.line, message: "unknown column '\(name)'; expected \(manualColumns.joined(separator: ", "))")
            }
            column[key] = i
        }
        for needed in ["title", "kind", "owner", "effective_from"] where column[needed] == nil {
            throw ImportError(file: path, line: header.line, message: "no '\(needed)' column")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let realFolder = realPath(folder)
        return try rows.dropFirst().enumerated().map { index, row in
            func get(_ name: String) -> String {
                guard let i = column[name], i < row.fields.count else { return "" }
                return row.fields[i].trimmingCharacters(in: .whitespaces)
            }
            /// An error at the row, or at the start of the named field when there is one.
            func fail(_ message: String, at name: String? = nil) -> ImportError {
                let start = name.flatMap { column[$0] }.flatMap { $0 < row.starts.count ? row.starts[$0] : nil }
                return ImportError(file: path, line: start?.line ?? row.line, column: start?.column, record: index + 1, message: message)
            }
            guard row.fields.count == header.fields.count else { throw fail("\(row.fields.count) fields, expected \(header.fields.count)") }
            guard !get("title").isEmpty else { throw fail("empty title", at: "title") }
            guard let kind = EvidenceKind(rawValue: get("kind")) else {
                throw fail("kind '\(get("kind"))' is not one of \(EvidenceKind.allCases.map(\.rawValue).joined(separator: ", "))", at: "kind")
            }
            for name in ["effective_from", "effective_to", "expires_at"] where name == "effective_from" || !get(name).isEmpty {
                if let problem = ISODate.problem(get(name)) { throw fail("\(name) '\(get(name))' \(problem)", at: name) }
            }
            let status = get("status").isEmpty ? EvidenceStatus.submitted : EvidenceStatus(rawValue: get("status"))
            guard let status else { throw fail("status '\(get("status"))' is not draft, submitted, accepted or rejected", at: "status") }
            let requirements = try split(get("requirements")).map { text -> RequirementRef in
                guard let ref = RequirementRef(text) else { throw fail("'\(text)' is not FRAMEWORK:ID", at: "requirements") }
                if let knownRequirements, !knownRequirements.contains(ref) { throw fail("unknown requirement '\(text)'", at: "requirements") }
                return ref
            }
            let controls = split(get("controls"))
            guard !controls.isEmpty || !requirements.isEmpty else { throw fail("names neither a control nor a requirement") }
            let files = try split(get("file")).map { name -> String in
                let full = name.hasPrefix("/") ? name : folder + "/" + name
                if !policy.allowOutside {
                    if name.hasPrefix("/") {
                        throw fail(
                            "file '\(name)' is an absolute path: an evidence CSV names its files relative to its own folder, \(folder) (copy the file there, or give --allow-files-outside)",
                            at: "file")
                    }
                    // `..` and symbolic links are followed: where the path really leads must be inside.
                    if let real = realPath(full), let realFolder, real != realFolder && !real.hasPrefix(realFolder + "/") {
                        throw fail(
                            "file '\(name)' leads outside the CSV's folder \(folder) (to \(real)): an evidence CSV attaches files in its folder only (copy the file there, or give --allow-files-outside)",
                            at: "file")
                    }
                }
                if let problem = Attachment.problem(full, limit: policy.maxSize) { throw fail("file '\(name)' \(problem)", at: "file") }
                return full
            }
            return NewEvidence(
                title: get("title"), kind: kind, controls: controls, requirements: requirements, owner: get("owner"),
                source: get("source"), effectiveFrom: get("effective_from"),
                effectiveTo: get("effective_to").isEmpty ? nil : get("effective_to"),
                expiresAt: get("expires_at").isEmpty ? nil : get("expires_at"), status: status, notes: get("notes"), files: files)
        }
    }

    /// Values separated by `|` or white space.
    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "|" || $0 == " " }).map(String.init).filter { !$0.isEmpty }
    }
}
