/// Observation times as the tools write them, read byte by byte (the OCSF import reads tens of
/// thousands a second: no formatter, no allocation).
///
/// Accepted: RFC 3339 / ISO 8601 date and time, `YYYY-MM-DDTHH:MM[:SS[.fraction]]` (a space or
/// `t` for the `T`, `,` for the `.`), then `Z`, an offset (`+02:00`, `-0500`, `+05`) or nothing,
/// which is UTC (Prowler writes `2026-11-22T15:23:48.296441`, Security Hub
/// `2026-11-22T15:25:00.123Z`, the AWS CLI for Config `2026-11-22T15:25:00.123000+00:00`). The
/// date must be a day of the calendar, the time of day and the offset in range.
public enum Timestamp {
    /// Microseconds since 1970-01-01T00:00:00Z, nil when `text` is not such a time. Fractions
    /// finer than a microsecond are cut.
    public static func microseconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { microseconds($0) }
    }

    /// The same, for UTF-8 bytes.
    public static func microseconds(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        let n = b.count
        guard n >= 16 else { return nil }
        /// The value of `count` ASCII digits at `at`, nil when one is not a digit.
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= n else { return nil }
            var value = 0
            for i in at..<(at + count) {
                let d = Int(b[i]) &- 48
                guard d >= 0 && d <= 9 else { return nil }
                value = value * 10 + d
            }
            return value
        }
        let dash = UInt8(ascii: "-"), colon = UInt8(ascii: ":")
        guard let year = number(0, 4), b[4] == dash, let month = number(5, 2), b[7] == dash, let day = number(8, 2),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
            let hour = number(11, 2), b[13] == colon, let minute = number(14, 2)
        else { return nil }
        var i = 16
        var second = 0
        var micros = 0
        if i < n && b[i] == colon {
            guard let s = number(i + 1, 2) else { return nil }
            second = s
            i += 3
            if i < n && (b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",")) {
                i += 1
                var digits = 0
                while i < n, b[i] >= 48 && b[i] <= 57 {
                    if digits < 6 { micros = micros * 10 + Int(b[i] - 48) }
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return nil }
                for _ in min(digits, 6)..<6 { micros *= 10 }
            }
        }
        var offset = 0
        if i < n {
            switch b[i] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                i += 1
            case UInt8(ascii: "+"), dash:
                let sign = b[i] == dash ? -1 : 1
                guard let hours = number(i + 1, 2) else { return nil }
                i += 3
                var minutes = 0
                if i < n {
                    if b[i] == colon { i += 1 }
                    guard let m = number(i, 2) else { return nil }
                    minutes = m
                    i += 2
                }
                guard hours <= 23 && minutes <= 59 else { return nil }
                offset = sign * (hours * 3600 + minutes * 60)
            default:
                return nil
            }
        }
        guard i == n, (1...12).contains(month), day >= 1, day <= daysIn(month, of: year), hour <= 23, minute <= 59, second <= 60
        else { return nil }
        let seconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Int64(seconds) * 1_000_000 + Int64(micros)
    }

    /// The calendar arithmetic is the model's (ISODate): one implementation of month lengths and
    /// day numbers for dates and times alike.
    static func daysIn(_ month: Int, of year: Int) -> Int { ISODate.days(inMonth: month, of: year) }

    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int { ISODate.dayNumber(year: year, month: month, day: day) }

    /// What an error says a time must look like.
    public static let expected = "is not a date and time such as 2026-11-22T15:23:48Z (RFC 3339: a day of the calendar, then Z, an offset such as +02:00, or nothing for UTC)"
}
