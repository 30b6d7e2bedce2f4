/// RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes) with a chosen delimiter.
struct CSVReader {
    struct Failure: Error {
        var message: String
        var line: Int
    }

    /// One record: the line it starts on, its fields, and where each field starts.
    struct Row {
        var line: Int
        var fields: [String]
        /// The 1-based line and column (in characters) where each field starts.
        var starts: [(line: Int, column: Int)]
    }

    /// Rows of fields, each with the line it starts on and where each of its fields starts.
    static func rows(_ text: String, delimiter: Character) throws -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var starts: [(line: Int, column: Int)] = []
        var column = 1
        var fieldStart = (line: 1, column: 1)
        var field = ""
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var afterQuote = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending {
                pending = nil
                return p
            }
            return iterator.next()
        }
        while let c = next() {
            defer { column += 1 }
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            afterQuote = true
                            pending = n
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" {
                        line += 1
                        column = 0
                    }
                    field.append(c)
                }
                continue
            }
            if c == delimiter {
                fields.append(field)
                starts.append(fieldStart)
                fieldStart = (line, column + 1)
                field = ""
                afterQuote = false
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                fields.append(field)
                starts.append(fieldStart)
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields, starts: starts)) }
                fields = []
                starts = []
                field = ""
                afterQuote = false
                line += 1
                column = 0
                fieldStart = (line, 1)
                rowLine = line
            } else if c == "\"" && field.isEmpty && !afterQuote {
                inQuotes = true
            } else {
                if afterQuote { throw Failure(message: "text after a closing quote", line: line) }
                field.append(c)
            }
        }
        if inQuotes { throw Failure(message: "a quoted field is not closed (truncated?)", line: rowLine) }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            starts.append(fieldStart)
            rows.append(Row(line: rowLine, fields: fields, starts: starts))
        }
        return rows
    }
}
