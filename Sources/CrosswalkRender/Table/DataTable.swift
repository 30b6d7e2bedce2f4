import CrosswalkAssess

/// The one tabular shape every table-shaped output is built from: named columns and rows of typed
/// cells. CSV, XLSX, Markdown tables and the HTML and Typst documents all read it, and a cell that
/// holds a status carries the status itself, so each format colours it by its value, never by
/// matching its text.
///
/// ## Topics
/// - ``Column``
/// - ``Cell``
/// - ``CellStatus``
public struct DataTable: Sendable, Hashable {
    public enum Align: Sendable, Hashable { case left, right }

    public struct Column: Sendable, Hashable {
        public var title: String
        public var align: Align
        /// The column's width in a spreadsheet (characters), when it has one.
        public var width: Int?
        /// Markdown writes the column's cells in bold (the checklist's state).
        public var strong: Bool

        public init(_ title: String, align: Align = .left, width: Int? = nil, strong: Bool = false) {
            self.title = title
            self.align = align
            self.width = width
            self.strong = strong
        }
    }

    /// One cell: text, a count, or a status (shown as its name and coloured by its value).
    public enum Cell: Sendable, Hashable, ExpressibleByStringLiteral {
        case text(String)
        case number(Int)
        case status(CellStatus)

        public init(stringLiteral value: String) { self = .text(value) }

        /// What every format shows.
        public var text: String {
            switch self {
            case .text(let s): return s
            case .number(let n): return String(n)
            case .status(let s): return s.name
            }
        }

        /// The status a format colours the cell by (nil: not a status).
        public var status: CellStatus? {
            if case .status(let s) = self { return s }
            return nil
        }
    }

    public var columns: [Column]
    public var rows: [[Cell]]

    public init(columns: [Column], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows
    }

    /// A table of text cells, left-aligned unless `align` says otherwise.
    public init(header: [String], rows: [[String]], align: [Align] = []) {
        columns = header.enumerated().map { i, title in Column(title, align: i < align.count ? align[i] : .left) }
        self.rows = rows.map { $0.map(Cell.text) }
    }

    /// The column titles.
    public var header: [String] { columns.map(\.title) }

    /// Whether the table has a header row to show (a key/value table such as a cover's has none).
    public var hasHeader: Bool { columns.contains { !$0.title.isEmpty } }

    /// Column `i`'s alignment (left for a cell beyond the columns).
    public func align(_ i: Int) -> Align { i < columns.count ? columns[i].align : .left }
}

/// A status a table cell can hold: a requirement's in an assessment or a control's in the
/// evidence checklist.
public enum CellStatus: Sendable, Hashable {
    case requirement(RequirementStatus)
    case checklist(Checklist.State)

    /// The status's name, as every format shows it.
    public var name: String {
        switch self {
        case .requirement(let s): return s.rawValue
        case .checklist(let s): return s.rawValue
        }
    }

    /// How the documents colour it: good, partial, bad, AWS's, or not counted.
    public enum Tone: Sendable, Hashable { case good, partial, bad, inherited, neutral }

    public var tone: Tone {
        switch self {
        case .requirement(.met), .checklist(.collected): return .good
        case .requirement(.partiallyMet), .checklist(.expired): return .partial
        case .requirement(.gap), .checklist(.missing), .checklist(.failing): return .bad
        case .requirement(.inherited): return .inherited
        case .requirement(.notApplicable), .requirement(.notAssessed): return .neutral
        }
    }
}
