import LodestoneCore

/// A country as every report names it: the trade-data code, ISO3 and English name.
public struct CountryRef: Sendable, Hashable, Codable {
    public var code: Int
    public var iso3: String
    public var name: String

    public init(code: Int, iso3: String, name: String) {
        self.code = code
        self.iso3 = iso3
        self.name = name
    }

    /// A code the data do not know reads as "code N" with iso3 "?": never a crash, never hidden.
    public init(_ code: CountryCode, in dataset: Dataset) {
        if let country = dataset.country(code) {
            self.init(code: code.rawValue, iso3: country.iso3, name: country.displayName)
        } else {
            self.init(code: code.rawValue, iso3: "?", name: "code \(code.rawValue)")
        }
    }
}

/// An importer (a country, a group or a union) with its members.
public struct ImporterRef: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var members: [CountryRef]

    public init(_ importer: Importer, in dataset: Dataset) {
        id = importer.id
        name = importer.name
        members = importer.members.map { CountryRef($0, in: dataset) }
    }
}

/// A commodity as reports name it.
public struct CommodityRef: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var stage: String

    /// A commodity the data no longer know: its id stands for its name.
    public init(id: String) {
        self.id = id
        name = id
        stage = ""
    }

    public init(_ commodity: Commodity) {
        id = commodity.id.rawValue
        name = commodity.name
        stage = commodity.stage.rawValue
    }
}

/// Something an answer leaves out, with the reason in words. `commodity` is nil when the gap
/// is not about one commodity (a backtest observation without a preset).
public struct NotAssessedItem: Sendable, Hashable, Codable {
    public var commodity: String?
    public var name: String?
    public var reason: String

    public init(commodity: String?, name: String?, reason: String) {
        self.commodity = commodity
        self.name = name
        self.reason = reason
    }

    init(_ gap: NotAssessed, in dataset: Dataset) {
        self.init(commodity: gap.commodity.rawValue, name: dataset.commodity(gap.commodity)?.name, reason: gap.reason)
    }
}
