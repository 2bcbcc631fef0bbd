import LodestoneCore

/// What a report carries for its own writing but not as an answer field (the country names its
/// Core results are shown with): left out of the JSON, and of equality.
@propertyWrapper
public struct NotEncoded<Value: Sendable>: Sendable, Hashable, Encodable {
    public var wrappedValue: Value

    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    public static func == (a: Self, b: Self) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
    public func encode(to encoder: any Encoder) throws {}
}

extension KeyedEncodingContainer {
    /// The key is left out altogether.
    public mutating func encode<Value>(_ value: NotEncoded<Value>, forKey key: Key) throws {}
}

/// A report (or a series of them) whose Core results hold country codes, shown by `countryNames`.
public protocol CarriesCountryNames {
    var countryNames: CountryNames? { get }
}
