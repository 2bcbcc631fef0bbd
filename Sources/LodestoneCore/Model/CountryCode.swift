/// The numeric country code used by the trade data (CEPII BACI, which follows UN Comtrade).
///
/// It equals the UN M49 code for most countries; the exceptions (842 for the USA where M49 says
/// 840, 251 France/250, 699 India/356, 757 Switzerland/756, 579 Norway/578, 490 "Other Asia,
/// nes" for Taiwan/158) are kept on `Country.m49` so that either code finds the country.
public struct CountryCode: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue) }
}
