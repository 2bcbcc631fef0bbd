/// The ranges a value from outside (a source database, a snapshot, a store, a parameter file) must
/// fall in before Lodestone uses it. Importers check them and skip what falls outside with a
/// warning; the Dataset builder checks them again and reports a store that breaks them as damaged.
///
/// They are deliberately wide (any real release fits) and deliberately finite: a year of 3·10⁷
/// would make a year-indexed table allocate gigabytes, and one of 9·10¹⁸ overflows `Int`.
public enum Plausible {
    /// Calendar years of data: 1900–2100.
    public static let years: ClosedRange<Int> = 1900...2100
    /// Numeric country codes of the trade data and UN M49: at most three digits.
    public static let countryCodes: ClosedRange<Int> = 0...999
    /// HS six-digit product codes (leading zero dropped: 010110 is 10110).
    public static let hs6: ClosedRange<Int> = 10000...999999

    /// A finite number that is zero or more (tonnes, values, prices).
    public static func isAmount(_ value: Double) -> Bool { value.isFinite && value >= 0 }

    /// A share or score in 0...1 (governance scores, recycling rates).
    public static func isShare(_ value: Double) -> Bool { value.isFinite && (0...1).contains(value) }
}
