import CrosswalkModel
import Foundation

/// Where the frameworks and mappings folders are, so that `crosswalk` works from any folder and
/// when installed, not only from the repository root.
///
/// Each folder is, in order: the option (`--frameworks`, `--mappings`); the environment
/// (`CROSSWALK_FRAMEWORKS`, `CROSSWALK_MAPPINGS`); else the project folder's `Frameworks/` and
/// `Mappings/`, where the project folder is the first of: `CROSSWALK_HOME`; the folder of the
/// nearest `crosswalk.yaml` in the working directory or above it (which may name other folders);
/// the working directory when it has `Frameworks/`; beside the executable (`../share/crosswalk`, or
/// a folder above it with `Frameworks/`, as for `.build/debug/crosswalk` in a checkout).
/// When nothing is found the folders stay `Frameworks` and `Mappings` (relative), and `searched`
/// says where it looked, for the error.
public struct ProjectLocator: Sendable {
    /// The project file's name.
    public static let fileName = "crosswalk.yaml"

    public var frameworksOption: String?
    public var mappingsOption: String?
    public var environment: [String: String]
    public var workingDirectory: String
    /// The running executable's path (resolved), when known.
    public var executable: String?

    public init(frameworksOption: String?, mappingsOption: String?, environment: [String: String], workingDirectory: String, executable: String?) {
        self.frameworksOption = frameworksOption
        self.mappingsOption = mappingsOption
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.executable = executable
    }

    /// The folders found, where they came from, and the problems of a project file.
    public struct Result: Sendable {
        public var frameworksDirectory: String
        public var mappingsDirectory: String
        /// The places looked at, in order, when the project folder was not found (else empty).
        public var searched: [String]
        /// The project file used, if any.
        public var projectFile: String?
        public var diagnostics: Diagnostics
    }

    public func locate() -> Result {
        var diagnostics = Diagnostics()
        // An empty variable counts as unset.
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let explicitFrameworks = frameworksOption ?? variable("CROSSWALK_FRAMEWORKS")
        let explicitMappings = mappingsOption ?? variable("CROSSWALK_MAPPINGS")
        var searched: [String] = []
        var root: (frameworks: String, mappings: String, file: String?)?

        if let home = variable("CROSSWALK_HOME") {
            root = (join(home, "Frameworks"), join(home, "Mappings"), nil)
        } else {
            searched.append("CROSSWALK_HOME (not set)")
        }
        if root == nil {
            if let relative = projectFolder() {
                let file = join(relative, Self.fileName)
                let (frameworks, mappings) = readProjectFile(file, diagnostics: &diagnostics)
                root = (join(relative, frameworks), join(relative, mappings), file)
            } else {
                searched.append("\(Self.fileName) in \(workingDirectory) and the folders above it")
            }
        }
        if root == nil {
            if isFolder(join(workingDirectory, "Frameworks")) {
                root = ("Frameworks", "Mappings", nil)
            } else {
                searched.append(join(workingDirectory, "Frameworks"))
            }
        }
        if root == nil, let executable {
            let folder = (executable as NSString).deletingLastPathComponent
            var candidates = [join((folder as NSString).deletingLastPathComponent, "share/crosswalk")]
            var up = folder
            for _ in 0..<4 {
                candidates.append(up)
                up = (up as NSString).deletingLastPathComponent
                if up == "/" || up.isEmpty { break }
            }
            if let found = candidates.first(where: { isFolder(join($0, "Frameworks")) }) {
                root = (join(found, "Frameworks"), join(found, "Mappings"), nil)
            } else {
                searched.append("beside the executable: " + candidates.map { join($0, "Frameworks") }.joined(separator: ", "))
            }
        }
        return Result(
            frameworksDirectory: explicitFrameworks ?? root?.frameworks ?? "Frameworks",
            mappingsDirectory: explicitMappings ?? root?.mappings ?? "Mappings",
            searched: root == nil && explicitFrameworks == nil ? searched : [],
            projectFile: root?.file, diagnostics: diagnostics)
    }

    /// The folder of the nearest project file at or above the working directory, relative to the
    /// working directory ("", "..", "../..").
    func projectFolder() -> String? {
        var folder = (workingDirectory as NSString).standardizingPath
        var relative = ""
        while true {
            if FileManager.default.fileExists(atPath: join(folder, Self.fileName)) { return relative }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { return nil }
            folder = parent
            relative = relative.isEmpty ? ".." : relative + "/.."
        }
    }

    /// The folders a project file names (defaults `Frameworks` and `Mappings`), relative to it.
    func readProjectFile(_ path: String, diagnostics: inout Diagnostics) -> (String, String) {
        let (source, failure) = Workspace.read(path)
        guard let source else {
            if let failure { diagnostics.append(failure) }
            return ("Frameworks", "Mappings")
        }
        let (node, found) = YAMLReader.parse(source)
        diagnostics.append(contentsOf: found)
        guard let node else { return ("Frameworks", "Mappings") }
        if case .null = node { return ("Frameworks", "Mappings") }
        guard let fields = MappingFields.open(node, as: "a project file", keys: ["frameworks", "mappings"], diagnostics: &diagnostics) else {
            return ("Frameworks", "Mappings")
        }
        let frameworks = fields.text("frameworks", required: false, diagnostics: &diagnostics)?.value ?? "Frameworks"
        let mappings = fields.text("mappings", required: false, diagnostics: &diagnostics)?.value ?? "Mappings"
        return (frameworks, mappings)
    }

    private func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    private func join(_ a: String, _ b: String) -> String {
        if a.isEmpty || b.hasPrefix("/") { return b }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }
}
