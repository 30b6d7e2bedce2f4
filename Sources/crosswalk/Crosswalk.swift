import ArgumentParser

@main
struct Crosswalk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosswalk",
        abstract: "Map compliance frameworks (SOC 1, SOC 2, ISO 27001, HIPAA, GDPR, OSCAL) to each other and to AWS.",
        discussion: """
            Catalogues are read from the frameworks folder (--frameworks, CROSSWALK_FRAMEWORKS, default \
            ./Frameworks); mappings from the mappings folder (--mappings, CROSSWALK_MAPPINGS, default ./Mappings).
            A requirement is named FRAMEWORK:ID, e.g. soc2:CC6.1 or hipaa:164.312(a)(2)(iv).
            """,
        subcommands: [FrameworksCommand.self, ShowCommand.self, ValidateCommand.self]
    )
}
