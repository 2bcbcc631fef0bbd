/// Whether `a` equals `b` to nine significant digits (relative, or absolute below 1): figures read
/// from text and converted (kilograms to tonnes, thousand tonnes) carry rounding in the last bits.
/// Nil is never close.
public func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= 1e-9 * max(1, abs(b))
}
