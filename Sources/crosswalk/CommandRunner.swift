import ArgumentParser
import CrosswalkApp
import CrosswalkModel
import Foundation

/// Parses the command line and runs the command, so that every failure ends the same way:
/// a usage error (exit 64) prints the message and the usage of the subcommand it concerns, never
/// the top-level one; an unknown subcommand gets "did you mean"; a runtime failure (exit 1) prints
/// one line.
enum CommandRunner {
    static func run(_ root: ParsableCommand.Type, arguments: [String]) async -> Never {
        if let (message, parent) = unknownSubcommand(in: arguments, root: root) {
            fail(message, usage: root.usageString(for: parent), help: helpHint(root, parent), code: .validationFailure)
        }
        var command: ParsableCommand
        do {
            command = try root.parseAsRoot(arguments)
        } catch {
            root.exit(withError: error)
        }
        do {
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch let error as AppError where error.kind == .request {
            let type = Swift.type(of: command)
            fail(error.message, usage: root.usageString(for: type), help: helpHint(root, type), code: .validationFailure)
        } catch let error as AppError {
            fail(error.message, usage: nil, help: nil, code: .failure)
        } catch let error as ValidationError {
            let type = Swift.type(of: command)
            fail(error.message, usage: root.usageString(for: type), help: helpHint(root, type), code: .validationFailure)
        } catch let error as RuntimeError {
            fail(error.description, usage: nil, help: nil, code: .failure)
        } catch {
            root.exit(withError: error)
        }
    }

    private static func fail(_ message: String, usage: String?, help: String?, code: ExitCode) -> Never {
        var text = "Error: \(message)\n"
        if let usage { text += "Usage: \(usage.replacingOccurrences(of: "\n", with: "\n       "))\n" }
        if let help { text += "  \(help)\n" }
        FileHandle.standardError.write(Data(text.utf8))
        Foundation.exit(code.rawValue)
    }

    /// "See 'crosswalk evidence add --help' for more information."
    private static func helpHint(_ root: ParsableCommand.Type, _ command: ParsableCommand.Type) -> String {
        let path = commandPath(root, to: command) ?? [root._commandName]
        return "See '\(path.joined(separator: " ")) --help' for more information."
    }

    /// The names from the root down to `command`.
    private static func commandPath(_ root: ParsableCommand.Type, to command: ParsableCommand.Type) -> [String]? {
        if ObjectIdentifier(root) == ObjectIdentifier(command) { return [root._commandName] }
        for sub in root.configuration.subcommands {
            if let rest = commandPath(sub, to: command) { return [root._commandName] + rest }
        }
        return nil
    }

    /// The options of the root command that take a value (they may stand before the subcommand).
    static let rootOptionsWithValue: Set<String> = ["--frameworks", "--mappings"]

    /// The first word where a subcommand is expected that names none, with "did you mean", and the
    /// command whose subcommands were expected.
    static func unknownSubcommand(in arguments: [String], root: ParsableCommand.Type) -> (String, ParsableCommand.Type)? {
        var current = root
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            let subcommands = current.configuration.subcommands
            if subcommands.isEmpty || word == "--" { return nil }
            if word.hasPrefix("-") {
                // Only the root's own options may stand between it and its subcommand.
                if ObjectIdentifier(current) == ObjectIdentifier(root), rootOptionsWithValue.contains(word) { index += 1 }
                index += 1
                continue
            }
            if word == "help" { return nil }
            let names = subcommands.map { $0._commandName }
            guard let next = subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) else {
                let path = (commandPath(root, to: current) ?? []).joined(separator: " ")
                return ("'\(word)' is not a \(path) command\(Suggestion.hint(for: word, in: names)); commands: \(names.joined(separator: ", "))", current)
            }
            current = next
            index += 1
        }
        return nil
    }
}
