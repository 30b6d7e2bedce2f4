import CrosswalkModel
import Foundation

/// `crosswalk validate`: checks catalogue files (everything the loaders check) and mapping files,
/// collecting every diagnostic rather than stopping at the first.
public struct Validator: Sendable {
    public var workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    public struct Report: Sendable {
        public var filesChecked: Int
        public var diagnostics: Diagnostics
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
                do { files = try Workspace.catalogueFiles(in: target) } catch {
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
        for file in catalogueFiles {
            let (framework, found) = Workspace.loadCatalogue(at: file)
            diagnostics.append(contentsOf: found)
            if let framework {
                if let other = fileByFrameworkID[framework.id] {
                    diagnostics.error("framework id '\(framework.id)' is already used by \(other)", at: framework.location)
                } else {
                    fileByFrameworkID[framework.id] = file
                }
            }
        }
        for file in mappingFiles {
            diagnostics.append(contentsOf: checkMappingSyntax(file))
        }
        return Report(filesChecked: catalogueFiles.count + mappingFiles.count, diagnostics: diagnostics)
    }

    /// A file in (or below) the mappings folder.
    func isMappingFile(_ path: String) -> Bool {
        let folder = URL(fileURLWithPath: workspace.mappingsDirectory).standardizedFileURL.path
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        return file.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// Mapping files are parsed for well-formedness (their content rules live with the mapping loader).
    func checkMappingSyntax(_ path: String) -> Diagnostics {
        let (source, failure) = Workspace.read(path)
        guard let source else { return Diagnostics(failure.map { [$0] } ?? []) }
        switch CatalogueLoader.fileExtension(path) {
        case "xml": return XMLDocument.parse(source).diagnostics
        case "json": return JSONReader.parse(source).diagnostics
        default: return YAMLReader.parse(source).diagnostics
        }
    }
}
