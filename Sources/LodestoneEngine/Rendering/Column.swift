/// One column of a report's table: the key of the field in each row (a dotted key reads a
/// nested field, "topDriver.iso3"), a heading, and the unit kind that tells every renderer
/// (table, CSV, the dashboard) how to show the value.
public struct Column: Sendable, Hashable, Codable {
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        /// Mass in metric tonnes.
        case tonnes
        /// A fraction 0...1 (shown as a percentage).
        case share
        /// A signed relative change, 0.35 = +35 % (shown with its sign).
        case change
        /// US dollars.
        case usd
        /// Thousands of US dollars (BACI's unit).
        case kusd
        /// A dimensionless score or index (HHI, GeoPolRisk, governance).
        case score
        /// A unit price, USD per kg.
        case price
        /// A duration in days (a stock's days of consumption).
        case days
        /// A duration in years (how long a restriction lasts).
        case years
        /// A whole number (a rank, a count).
        case count
        /// A calendar year.
        case year
        /// A yes/no flag.
        case flag
        /// A country or importer: an object with `name` and `iso3` (or `id`).
        case country
        case text
    }

    public var key: String
    public var title: String
    public var unit: Unit

    public init(_ key: String, _ title: String, _ unit: Unit) {
        self.key = key
        self.title = title
        self.unit = unit
    }
}

/// A report whose `rows` (an array of objects in its JSON) are described by `columns`; the one
/// renderer turns any of them into a table, CSV or JSON. A column's key may name a nested field
/// with dots (`stageShares.cobalt:mine`).
public protocol TabularReport: Encodable, Sendable, CarriesCountryNames {
    var columns: [Column] { get }
    /// The columns a terminal table shows, when all of `columns` would not fit (default: all);
    /// CSV and JSON always carry every column.
    var tableColumns: [Column] { get }
    /// The lines above the table ("GeoPolRisk for Japan (JPN), 2024" and any summary).
    var heading: String { get }
    /// Lines below the table (summaries, footnotes); empty by default.
    var footer: String { get }
    /// What the answer leaves out, with reasons; a table's reader is told on stderr.
    var notAssessed: [NotAssessedItem] { get }
    /// The rows' cells without the JSON round trip, for reports of a hundred thousand rows; nil
    /// (the default) reads them off the JSON.
    func cells() -> [[Cell]]?
}

extension TabularReport {
    /// Reports that hold only `CountryRef`s need none.
    public var countryNames: CountryNames? { nil }
    public var footer: String { "" }
    public var notAssessed: [NotAssessedItem] { [] }
    public func cells() -> [[Cell]]? { nil }
}

/// One value of a table cell, for reports that hand their cells to the renderer directly.
public enum Cell: Sendable, Hashable {
    case number(Double)
    case text(String)
    case missing
}

extension TabularReport {
    public var tableColumns: [Column] { columns }
}
