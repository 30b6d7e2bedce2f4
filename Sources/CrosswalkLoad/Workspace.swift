import CrosswalkModel
import Foundation

/// The load stage's one door to the disk: finds catalogue files in a folder, reads their bytes and
/// hands them to the in-memory loaders.
public struct Workspace: Sendable {
    public var frameworksDirectory: String
    public var mappingsDirectory: String
    /// Where the frameworks folder was looked for when it was not found (`ProjectLocator`), for the error.
    public var searched: [String]

    public init(frameworksDirectory: String = "Frameworks", mappingsDirectory: String = "Mappings", searched: [String] = []) {
        self.frameworksDirectory = frameworksDirectory
        self.mappingsDirectory = mappingsDirectory
        self.searched = searched
    }

    /// Everything loaded from the frameworks folder, sorted by framework id, with every diagnostic.
    public struct LoadedFrameworks: Sendable {
        public var frameworks: [Framework]
        public var diagnostics: Diagnostics
        /// The file each framework came from, by framework id.
        public var files: [String: String]
    }

    /// Catalogue files directly in a folder (not hidden), sorted by name.
    public static func catalogueFiles(in directory: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        return names.filter { !$0.hasPrefix(".") && CatalogueLoader.extensions.contains(CatalogueLoader.fileExtension($0)) }
            .sorted()
            .map { directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0 }
    }

    /// Reads a file as a `SourceText`, or reports why it cannot be read.
    public static func read(_ path: String) -> (SourceText?, Diagnostic?) {
        if let bytes = readBytes(path) { return (SourceText(path: path, bytes: bytes), nil) }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let why = !exists ? "no such file" : isDirectory.boolValue ? "is a directory" : "cannot be read"
        return (nil, .error("\(why)", at: .file(path)))
    }

    /// The whole file read with POSIX calls straight into an array (no intermediate copies).
    static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, count in
            var total = 0
            while total < buffer.count {
                let n = Foundation.read(fd, buffer.baseAddress! + total, buffer.count - total)
                if n < 0 { failed = true; break }
                if n == 0 { break }
                total += n
            }
            count = failed ? 0 : total
        }
        return failed ? nil : bytes
    }

    /// Loads one catalogue file from disk.
    public static func loadCatalogue(at path: String) -> (framework: Framework?, diagnostics: Diagnostics) {
        let (source, failure) = read(path)
        guard let source else { return (nil, Diagnostics(failure.map { [$0] } ?? [])) }
        return CatalogueLoader.load(source)
    }

    /// Loads every catalogue in the frameworks folder; two files with the same framework id is an error.
    public func loadFrameworks() -> LoadedFrameworks {
        var diagnostics = Diagnostics()
        let files: [String]
        do {
            files = try Self.catalogueFiles(in: frameworksDirectory)
        } catch {
            let looked = searched.isEmpty ? "" : "; looked for it in: \(searched.joined(separator: "; "))"
            diagnostics.error(
                "cannot read the frameworks folder\(looked) (give --frameworks, set CROSSWALK_FRAMEWORKS or CROSSWALK_HOME, or run where a \(ProjectLocator.fileName) is)",
                at: .file(frameworksDirectory))
            return LoadedFrameworks(frameworks: [], diagnostics: diagnostics, files: [:])
        }
        var byID: [String: Framework] = [:]
        var fileByID: [String: String] = [:]
        for file in files {
            let (framework, found) = Self.loadCatalogue(at: file)
            diagnostics.append(contentsOf: found)
            guard let framework else { continue }
            if let other = fileByID[framework.id] {
                diagnostics.error("framework id '\(framework.id)' is already used by \(other)", at: framework.location)
                continue
            }
            byID[framework.id] = framework
            fileByID[framework.id] = file
        }
        let frameworks = byID.keys.sorted().map { byID[$0]! }
        return LoadedFrameworks(frameworks: frameworks, diagnostics: diagnostics, files: fileByID)
    }

    // MARK: - Mappings

    /// Mapping files below a folder (subfolders too), sorted by path.
    public static func mappingFiles(in directory: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            guard !name.hasPrefix("."), ["yaml", "yml", "json"].contains(CatalogueLoader.fileExtension(name)) else { continue }
            files.append(directory.hasSuffix("/") ? directory + relative : directory + "/" + relative)
        }
        return files.sorted()
    }

    /// Everything in the mappings folder, merged, with the diagnostics of every file.
    public struct LoadedMappings: Sendable {
        public var mappings: MappingSet
        public var diagnostics: Diagnostics
        public var files: [String]
    }

    /// Loads every mapping file; a missing mappings folder gives an empty set.
    public func loadMappings() -> LoadedMappings {
        Self.loadMappings(files: (try? Self.mappingFiles(in: mappingsDirectory)) ?? [])
    }

    /// Loads the given mapping files into one set.
    public static func loadMappings(files: [String]) -> LoadedMappings {
        var diagnostics = Diagnostics()
        var set = MappingSet()
        for file in files {
            let (source, failure) = read(file)
            guard let source else {
                if let failure { diagnostics.append(failure) }
                continue
            }
            let (loaded, found) = MappingLoader.load(source)
            diagnostics.append(contentsOf: found)
            set.merge(loaded)
        }
        // The finding-type rules' ids become automation hooks of the controls they name.
        set.linkFindingTypes()
        return LoadedMappings(mappings: set, diagnostics: diagnostics, files: files)
    }

    /// Where the finding-type mapping files are: `findings/` in the mappings folder.
    public var findingTypesDirectory: String { (mappingsDirectory.hasSuffix("/") ? mappingsDirectory : mappingsDirectory + "/") + "findings" }

    /// The finding-type rules (`Mappings/findings/*.yaml`) alone, for importing Security Hub
    /// findings; a missing folder gives no rules. `crosswalk validate` checks the control ids.
    public func loadFindingTypes() -> (rules: [FindingTypeRule], diagnostics: Diagnostics) {
        let loaded = Self.loadMappings(files: (try? Self.mappingFiles(in: findingTypesDirectory)) ?? [])
        return (loaded.mappings.findingTypes, loaded.diagnostics)
    }

    /// How `tool` (Prowler) writes framework keys and requirement ids, from the `*-notation.yaml`
    /// files of `Mappings/findings/` (only those: a problem in another file there does not stop an
    /// import that does not need it); nil when none describes it.
    public func loadNotation(tool: String = "prowler") -> (notation: RequirementNotation?, diagnostics: Diagnostics) {
        let files = ((try? Self.mappingFiles(in: findingTypesDirectory)) ?? []).filter { path in
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            return name.hasSuffix("-notation")
        }
        let loaded = Self.loadMappings(files: files)
        return (loaded.mappings.notations.first { $0.tool == tool }, loaded.diagnostics)
    }

    /// Prowler's checks: `<folder>/<service>/<check_id>.metadata.json`. Returns the check ids and
    /// service folder names, or nil when the folder does not exist.
    public static func prowlerChecks(in directory: String) -> (checks: Set<String>, services: Set<String>)? {
        guard let services = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        var checks: Set<String> = []
        var folders: Set<String> = []
        for service in services where !service.hasPrefix(".") {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + service) else { continue }
            folders.insert(service)
            for file in files where file.hasSuffix(".metadata.json") {
                checks.insert(String(file.dropLast(".metadata.json".count)))
            }
        }
        return (checks, folders)
    }

    /// Where Prowler's check metadata is looked for when none is named: a Prowler checkout's
    /// `prowler/providers/aws/services`, or the shared data folder beside this repository.
    public static let defaultProwlerChecksDirectories = [
        "../shared/data/prowler/checks", "prowler/providers/aws/services",
    ]
}

extension MappingSet {
    /// Adds another file's content.
    public mutating func merge(_ other: MappingSet) {
        services += other.services
        responsibilities += other.responsibilities
        controls += other.controls
        notCovered += other.notCovered
        crosswalks += other.crosswalks
        findingTypes += other.findingTypes
        attestations += other.attestations
        notations += other.notations
    }
}
