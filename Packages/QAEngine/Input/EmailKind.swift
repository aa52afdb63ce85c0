/// Whether an email is marketing or transactional. Wire values: `"marketing"`, `"transactional"`.
///
/// Transactional emails (receipts, password resets) are exempt from the unsubscribe and postal-address rules.
public enum EmailKind: String, Sendable, Hashable, Codable {
    case marketing
    case transactional
}
