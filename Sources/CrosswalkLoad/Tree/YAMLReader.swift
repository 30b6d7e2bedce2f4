import CrosswalkModel
import Yams

/// Parses YAML into a `DataNode` tree with locations. Duplicate keys are an error; the number of
/// nodes reachable through aliases is bounded, so an alias bomb is rejected instead of expanded.
public enum YAMLReader {
    /// At most this many nodes per byte of input may be visited (aliases can make a tree larger than
    /// its text, but a legitimate file stays far below this).
    static let nodesPerByte = 4
    static let minimumNodeBudget = 10_000

    public static func parse(_ source: SourceText) -> (node: DataNode?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        guard let text = source.utf8String else {
            diagnostics.error("the file is not valid UTF-8", at: source.fileLocation)
            return (nil, diagnostics)
        }
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, in: source))
            return (nil, diagnostics)
        } catch {
            diagnostics.error("YAML error: \(error)", at: source.fileLocation)
            return (nil, diagnostics)
        }
        guard let composed else {
            diagnostics.error("the file is empty", at: source.fileLocation)
            return (nil, diagnostics)
        }
        var budget = max(minimumNodeBudget, source.bytes.count * nodesPerByte)
        do {
            let node = try convert(composed, source: source, budget: &budget)
            return (node, diagnostics)
        } catch {
            diagnostics.error(
                "the YAML expands to too many nodes through aliases (an alias bomb?); refusing to read it",
                at: source.fileLocation)
            return (nil, diagnostics)
        }
    }

    struct BudgetExceeded: Error {}

    static func location(_ mark: Mark?, _ source: SourceText) -> SourceLocation {
        guard let mark else { return source.fileLocation }
        return SourceLocation(file: source.path, line: mark.line, column: mark.column)
    }

    static func convert(_ node: Node, source: SourceText, budget: inout Int) throws -> DataNode {
        budget -= 1
        if budget < 0 { throw BudgetExceeded() }
        let here = location(node.mark, source)
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return .null(here)
            }
            return .scalar(scalar.string, here)
        case .mapping(let mapping):
            var pairs: [DataNodePair] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let keyText = key.scalar?.string ?? "\(key)"
                pairs.append(
                    DataNodePair(
                        key: keyText, keyLocation: location(key.mark, source),
                        value: try convert(value, source: source, budget: &budget)))
            }
            return .mapping(pairs, here)
        case .sequence(let sequence):
            var items: [DataNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, source: source, budget: &budget)) }
            return .sequence(items, here)
        case .alias:
            return .null(here)
        }
    }

    /// Yams names the first occurrence of a duplicate key; the error belongs on the repeat: the next
    /// line at the same column that starts with the same key.
    static func repeatedKey(_ key: String, after mark: Mark, in source: SourceText) -> SourceLocation? {
        guard let text = source.utf8String else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let indent = mark.column - 1
        for index in mark.line..<lines.count {
            let line = Array(lines[index])
            guard line.count > indent else { continue }
            let rest = String(line[indent...])
            let leading = line[..<indent]
            if leading.allSatisfy({ $0 == " " || $0 == "-" }), rest.hasPrefix(key + ":") {
                return SourceLocation(file: source.path, line: index + 1, column: mark.column)
            }
            // Stop at a line indented less than the mapping: the mapping has ended.
            if let firstNonSpace = line.firstIndex(where: { $0 != " " }), firstNonSpace < indent, line[firstNonSpace] != "#" {
                return nil
            }
        }
        return nil
    }

    static func diagnostic(for error: YamlError, in source: SourceText) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            var message = problem
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return .error("malformed YAML: \(message)", at: location(mark, source))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let first = context.mark
            let second = duplicates.first.flatMap { repeatedKey($0, after: first, in: source) }
            if let second {
                return .error("duplicate key \(keys) in a mapping (first at line \(first.line))", at: second)
            }
            return .error("duplicate key \(keys) in a mapping", at: location(first, source))
        case let .reader(problem, offset, _, _):
            let at = offset.map { source.location(atOffset: $0) } ?? source.fileLocation
            return .error("malformed YAML: \(problem)", at: at)
        default:
            return .error("malformed YAML: \(error)", at: source.fileLocation)
        }
    }
}
