import Foundation

/// A JSON document read exactly: numbers are decoded as `Double` by `JSONDecoder` (correctly
/// rounded), where `JSONSerialization` on Linux can be off in the last digit. The renderer reads
/// report rows through it so a CSV cell is the same shortest round-trip number as the JSON.
enum JSONValue: Codable, Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else if let list = try? container.decode([JSONValue].self) { self = .array(list) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .number(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let list): try container.encode(list)
        case .object(let object): try container.encode(object)
        }
    }

    static func decode(_ data: Data) -> JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: data) }

    /// Foundation values for the renderer: NSNull, NSNumber (whole numbers as integers, as
    /// `JSONSerialization` gives them), String, [Any], [String: Any].
    var foundation: Any {
        switch self {
        case .null: NSNull()
        case .bool(let flag): NSNumber(value: flag)
        case .number(let x): x == x.rounded() && abs(x) < 1e15 ? NSNumber(value: Int(x)) : NSNumber(value: x)
        case .string(let text): text
        case .array(let list): list.map(\.foundation)
        case .object(let object): object.mapValues(\.foundation)
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    var string: String? {
        if case .string(let text) = self { text } else { nil }
    }
}
