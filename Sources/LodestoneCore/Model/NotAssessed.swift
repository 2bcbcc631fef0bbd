/// A commodity an answer leaves out, with the reason in words ("no trade code", "no production
/// data in 2022", "values but no quantities"). A gap is reported, never a zero.
public struct NotAssessed: Hashable, Sendable, Codable {
    public var commodity: CommodityID
    public var reason: String

    public init(commodity: CommodityID, reason: String) {
        self.commodity = commodity
        self.reason = reason
    }
}
