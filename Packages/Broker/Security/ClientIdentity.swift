/// A client the broker lets in under CURVE: its name, its public key, and what it may publish.
public struct ClientIdentity: Sendable, Equatable {
    /// Which CloudEvents `source` values an identity may put in what it publishes.
    public enum Sources: Sendable, Equatable {
        /// Any source (tools such as the `marquee` CLI run by an operator).
        case any
        /// Exactly these sources.
        case only([String])
    }

    /// The identity's name: the ZAP user id, logged and written into every journal record it publishes.
    public var name: String
    /// The client's CURVE public key, Z85.
    public var publicKey: String
    /// Topic prefixes it may publish under; `""` allows every topic, an empty list none (read-only client).
    public var publishPrefixes: [String]
    /// The `source` values its envelopes may carry.
    public var sources: Sources

    /// A client named `name`; its sources default to `marquee/<name>`.
    public init(name: String, publicKey: String, publishPrefixes: [String], sources: Sources? = nil) {
        self.name = name
        self.publicKey = publicKey
        self.publishPrefixes = publishPrefixes
        self.sources = sources ?? .only(["marquee/\(name)"])
    }

    /// Whether `name` can name an identity: 1–64 characters of `a-z 0-9 . _ -`, starting with a letter or digit.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 64, first != UInt8(ascii: "."), first != UInt8(ascii: "_"),
            first != UInt8(ascii: "-")
        else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}
