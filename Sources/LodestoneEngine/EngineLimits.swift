/// How much one request may ask for. A request beyond a limit is refused with a usage error
/// that names the limit, never attempted.
public struct EngineLimits: Sendable, Hashable, Codable {
    /// Importers in one scenario run.
    public var maxImporters: Int
    /// Countries, groups or names joined with '+' in one importer, or listed in one option.
    public var maxNamesPerList: Int
    /// Characters in one name or list as typed.
    public var maxTextLength: Int
    /// Commodities in one request.
    public var maxCommodities: Int

    public init(maxImporters: Int = 24, maxNamesPerList: Int = 64, maxTextLength: Int = 2_000, maxCommodities: Int = 64) {
        self.maxImporters = maxImporters
        self.maxNamesPerList = maxNamesPerList
        self.maxTextLength = maxTextLength
        self.maxCommodities = maxCommodities
    }
}
