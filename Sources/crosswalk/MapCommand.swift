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

struct ControlsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "controls", abstract: "List the customer control set and how many requirements each maps per framework.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Output format.")
    var format: TextOrJSON = .text

    func run() throws {
        let loaded = try Project(global)
        switch format {
        case .text: writeOutput(MappingListRender.controlsText(loaded.mappings.controls, frameworks: loaded.frameworks.map(\.id)))
        case .json: writeOutput(MappingListRender.controlsJSON(loaded.mappings.controls))
        }
    }
}

struct ServicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "services", abstract: "List the AWS services Crosswalk maps, with their category and Prowler service names.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Output format.")
    var format: TextOrJSON = .text

    func run() throws {
        let loaded = try Project(global)
        switch format {
        case .text: writeOutput(MappingListRender.servicesText(loaded.mappings.services))
        case .json: writeOutput(MappingListRender.servicesJSON(loaded.mappings.services))
        }
    }
}
