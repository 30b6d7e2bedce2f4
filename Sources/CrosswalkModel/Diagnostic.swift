/// One problem found in an input, printed as `file:line:col: error|warning: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation

    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Collects diagnostics while a stage runs; loaders report every problem in a file, not only the first.
public struct Diagnostics: Sendable, Hashable {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) { self.items = items }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: Diagnostics) { items.append(contentsOf: other.items) }
    public mutating func error(_ message: String, at location: SourceLocation) {
        items.append(.error(message, at: location))
    }
    public mutating func warning(_ message: String, at location: SourceLocation) {
        items.append(.warning(message, at: location))
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var isEmpty: Bool { items.isEmpty }

    /// Sorted by file, line, column, then message: stable output whatever order the checks ran in.
    public var sorted: [Diagnostic] {
        items.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}

/// Thrown by a stage that was asked to fail on errors: carries every diagnostic found.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
