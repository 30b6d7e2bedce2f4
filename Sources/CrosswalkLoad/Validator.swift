import CrosswalkModel
import Foundation

/// `crosswalk validate`: checks catalogue files (everything the loaders check) and mapping files,
/// collecting every diagnostic rather than stopping at the first.
public struct Validator: Sendable {
    public var workspace: Workspace
    /// Prowler's checks folder; nil: the first of `Workspace.defaultProwlerChecksDirectories` that exists.
    public var prowlerChecksDirectory: String?

    public init(workspace: Workspace, prowlerChecksDirectory: String? = nil) {
        self.workspace = workspace
        self.prowlerChecksDirectory = prowlerChecksDirectory
    }

    public struct Report: Sendable {
        public var filesChecked: Int
        public var diagnostics: Diagnostics
        /// Something the user should know that is not a problem in a file.
        public var note: String?
    }

    /// Checks the given files and folders; with none, the frameworks and mappings folders.
    public func validate(paths: [String]) -> Report {
        var diagnostics = Diagnostics()
        var catalogueFiles: [String] = []
        var mappingFiles: [String] = []
        let targets = paths.isEmpty ? [workspace.frameworksDirectory, workspace.mappingsDirectory] : paths
        for target in targets {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
                if !paths.isEmpty || target == workspace.frameworksDirectory {
                    diagnostics.error("no such file or folder", at: .file(target))
                }
                continue
            }
            let files: [String]
            if isDirectory.boolValue {
                do {
                    files = isMappingFile(target + "/x.yaml")
                        ? try Workspace.mappingFiles(in: target) : try Workspace.catalogueFiles(in: target)
                } catch {
                    diagnostics.error("cannot read the folder", at: .file(target))
                    continue
                }
            } else {
                files = [target]
            }
            for file in files {
                if isMappingFile(file) { mappingFiles.append(file) } else { catalogueFiles.append(file) }
            }
        }

        var fileByFrameworkID: [String: String] = [:]
        var frameworks: [Framework] = []
        for file in catalogueFiles {
            let (framework, found) = Workspace.loadCatalogue(at: file)
            diagnostics.append(contentsOf: found)
            if let framework {
                if let other = fileByFrameworkID[framework.id] {
                    diagnostics.error("framework id '\(framework.id)' is already used by \(other)", at: framework.location)
                } else {
                    fileByFrameworkID[framework.id] = file
                    frameworks.append(framework)
                }
            }
        }
        var prowlerNote: String?
        if !mappingFiles.isEmpty {
            // References are checked against every catalogue in the frameworks folder.
            if catalogueFiles.isEmpty || !paths.isEmpty {
                let known = Set(frameworks.map(\.id))
                frameworks += workspace.loadFrameworks().frameworks.filter { !known.contains($0.id) }
            }
            let loaded = Workspace.loadMappings(files: mappingFiles)
            diagnostics.append(contentsOf: loaded.diagnostics)
            let set = loaded.mappings
            let directory = prowlerChecksDirectory
                ?? Workspace.defaultProwlerChecksDirectories.first { FileManager.default.fileExists(atPath: $0) }
            let prowler = directory.flatMap(Workspace.prowlerChecks(in:))
            if let directory, prowler == nil {
                diagnostics.error("no Prowler checks folder here", at: .file(directory))
            }
            if prowler == nil { prowlerNote = "Prowler check ids were not verified (no Prowler checks folder; see --prowler-checks)" }
            // Finding-type rules checked without the control files name controls of the mappings folder.
            let otherControls = !paths.isEmpty && !set.findingTypes.isEmpty
                ? Set(workspace.loadMappings().mappings.controls.map(\.id)) : []
            let checker = MappingChecker(
                frameworks: frameworks, prowlerChecks: prowler?.checks, prowlerServices: prowler?.services, otherControls: otherControls)
            diagnostics.append(contentsOf: checker.check(set))
        }
        return Report(filesChecked: catalogueFiles.count + mappingFiles.count, diagnostics: diagnostics, note: prowlerNote)
    }

    /// A file in (or below) the mappings folder.
    func isMappingFile(_ path: String) -> Bool {
        let folder = URL(fileURLWithPath: workspace.mappingsDirectory).standardizedFileURL.path
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        return file.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
