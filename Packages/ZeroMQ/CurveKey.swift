/// Checks on CURVE keys in their Z85 text form.
public enum CurveKey {
    /// Length of a CURVE key in Z85 text.
    public static let textLength = 40

    /// The 32 bytes of the Z85 key `text`, or `nil` if it is not 40 characters of Z85.
    public static func bytes(_ text: String) -> [UInt8]? {
        guard text.utf8.count == textLength, let bytes = try? Z85.decode(text), bytes.count == 32 else { return nil }
        return bytes
    }

    /// Whether `text` is a CURVE key: 40 characters of Z85.
    public static func isValid(_ text: String) -> Bool {
        bytes(text) != nil
    }
}
