import ArgumentParser
import CrosswalkApp
import CrosswalkAssess
import CrosswalkModel
import CrosswalkRender

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "What a requirement means on AWS: responsibility, AWS services, customer controls, related requirements.",
        discussion: """
            Related requirements come from the crosswalks (direct) and through the customer controls that \
            map to both requirements (inferred: never stronger than the weakest link, and a direct link wins).
            Example: crosswalk map 'hipaa:164.312(a)(2)(iv)' --to iso27001-2022
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The requirement, as FRAMEWORK:ID.", valueName: "framework:id"))
    var requirement: String

    @Option(name: .long, help: ArgumentHelp("Only related requirements of this framework.", valueName: "framework"))
    var to: String?

    @Flag(name: .long, help: "Leave out related requirements inferred through controls.")
    var directOnly = false

    @Option(name: .long, help: "Output format.")
    var format: TextOrJSON = .text

    func run() throws {
        guard let ref = RequirementRef(requirement) else {
            throw ValidationError("'\(requirement)' is not of the form FRAMEWORK:ID (e.g. soc2:CC6.1)")
        }
        let loaded = try Project(global)
        if let to { _ = try lookUpFramework(to, in: loaded.frameworks, option: "to") }
        let found = try lookUpRequirement(ref, in: loaded.frameworks)
        let mapping = RequirementMapping(
            ref: ref, requirement: found, index: loaded.index, to: to, includeInferred: !directOnly)
        writeOutput(format == .json ? mapping.json() : mapping.text())
    }
}

/// The options of a listing: the project and the output format.
struct ListingOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Output format.")
    var format: TextOrJSON = .text
}

/// A listing of the project's mappings, as text or JSON: the command only picks the renderer.
protocol MappingListCommand: ParsableCommand {
    var options: ListingOptions { get }
    /// The listing in `format`.
    static func render(_ project: CrosswalkApp.Project, as format: TextOrJSON) -> String
}

extension MappingListCommand {
    func run() throws {
        writeOutput(Self.render(try Project(options.global), as: options.format))
    }
}

struct ControlsCommand: MappingListCommand {
    static let configuration = CommandConfiguration(
        commandName: "controls", abstract: "List the customer control set and how many requirements each maps per framework.")
    @OptionGroup var options: ListingOptions

    static func render(_ project: CrosswalkApp.Project, as format: TextOrJSON) -> String {
        format == .json
            ? MappingListRender.controlsJSON(project.mappings.controls)
            : MappingListRender.controlsText(project.mappings.controls, frameworks: project.frameworks.map(\.id))
    }
}

struct ServicesCommand: MappingListCommand {
    static let configuration = CommandConfiguration(
        commandName: "services", abstract: "List the AWS services Crosswalk maps, with their category and Prowler service names.")
    @OptionGroup var options: ListingOptions

    static func render(_ project: CrosswalkApp.Project, as format: TextOrJSON) -> String {
        format == .json ? MappingListRender.servicesJSON(project.mappings.services) : MappingListRender.servicesText(project.mappings.services)
    }
}
