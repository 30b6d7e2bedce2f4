import ArgumentParser

#if os(Linux)
/// glibc's `mallopt` (declared in malloc.h, which the Glibc module does not export).
@_silgen_name("mallopt") private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
private let M_TRIM_THRESHOLD: Int32 = -1
private let M_MMAP_THRESHOLD: Int32 = -3
#endif

@main
struct Crosswalk: AsyncParsableCommand {
    static func main() async {
        #if os(Linux)
        // Keep freed memory in the process instead of handing large blocks back to the kernel and
        // faulting fresh zeroed pages in again: loading a large catalogue allocates and frees many
        // multi-megabyte buffers (measured: a third of the time went to page faults).
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        #endif
        await CommandRunner.run(Self.self, arguments: Array(CommandLine.arguments.dropFirst()))
    }

    /// Options every command shares, accepted before the subcommand too (`crosswalk --no-color frameworks`).
    @OptionGroup var global: GlobalOptions

    static let configuration = CommandConfiguration(
        commandName: "crosswalk",
        abstract: "Map compliance frameworks (SOC 1, SOC 2, ISO 27001, HIPAA, GDPR, OSCAL) to each other and to AWS.",
        discussion: """
            Catalogues are read from the frameworks folder (--frameworks, CROSSWALK_FRAMEWORKS, default \
            ./Frameworks); mappings from the mappings folder (--mappings, CROSSWALK_MAPPINGS, default ./Mappings).
            A requirement is named FRAMEWORK:ID, e.g. soc2:CC6.1 or hipaa:164.312(a)(2)(iv).
            Exit codes: 0 done; 1 the input, the store or the result has a problem (printed as \
            file:line:col where there is a file; verify found changes); 64 the command line is wrong (an \
            unknown option, subcommand or id, a bad value).
            """,
        subcommands: [
            GapCommand.self, SoACommand.self, FrameworksCommand.self, ShowCommand.self, MapCommand.self, ControlsCommand.self, ServicesCommand.self,
            EvidenceCommand.self, ChecklistCommand.self, DiffCommand.self, OSCALCommand.self, ValidateCommand.self,
        ]
    )
}
