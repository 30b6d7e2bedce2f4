/// RFC 4180 CSV lines: fields quoted when they hold a comma, quote or line break; CRLF line ends.
public enum CSV {
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A table: its header line, then a line per row.
    public static func table(_ table: DataTable) -> String {
        line(table.header) + table.rows.map { line($0.map(\.text)) }.joined()
    }

    /// One field, quoted when it needs to be (RFC 4180). A value that a spreadsheet would take
    /// for a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return: a control
    /// title from an untrusted catalogue, say) is written with a leading `'` so that it stays text
    /// (OWASP's advice against CSV injection).
    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
