/// RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes) with a chosen delimiter.
struct CSVReader {
    struct Failure: Error {
        var message: String
        var line: Int
    }

    /// Rows of fields, each with the line it starts on.
    static func rows(_ text: String, delimiter: Character) throws -> [(line: Int, fields: [String])] {
        var rows: [(line: Int, fields: [String])] = []
        var fields: [String] = []
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
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            if c == delimiter {
                fields.append(field)
                field = ""
                afterQuote = false
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                fields.append(field)
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowLine, fields)) }
                fields = []
                field = ""
                afterQuote = false
                line += 1
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
            rows.append((rowLine, fields))
        }
        return rows
    }
}
