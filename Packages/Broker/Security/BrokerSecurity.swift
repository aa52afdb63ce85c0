import ZeroMQ

/// CURVE on every broker endpoint: the broker's secret key and the allowlist of clients.
///
/// With a `BrokerSecurity` in its configuration the broker answers ZAP requests itself (see ``ZAPHandler``):
/// only the listed public keys complete the CURVE handshake, each under its identity name; a publish outside
/// the identity's topic prefixes or with a foreign envelope `source` is refused with `forbidden`.
public struct BrokerSecurity: Sendable, Equatable {
    /// The broker's CURVE secret key, Z85 (its public half is what clients give as the server key).
    public var serverSecretKey: String
    /// The clients allowed to connect.
    public var clients: [ClientIdentity]
    /// The ZAP domain set on the broker's sockets (`ZMQ_ZAP_DOMAIN`).
    public var zapDomain: String

    public init(serverSecretKey: String, clients: [ClientIdentity], zapDomain: String = "marquee") {
        self.serverSecretKey = serverSecretKey
        self.clients = clients
        self.zapDomain = zapDomain
    }

    /// The first problem that keeps this allowlist from being used, as a sentence; `nil` when it is sound.
    public var problem: String? {
        guard CurveKey.isValid(serverSecretKey) else { return "the server secret key is not 40 characters of Z85" }
        var names: Set<String> = []
        var keys: [String: String] = [:]
        for client in clients {
            guard ClientIdentity.isValidName(client.name) else {
                return "\"\(client.name)\" cannot name an identity: use 1-64 characters of a-z, 0-9, '.', '_' and '-'"
            }
            guard names.insert(client.name).inserted else { return "the identity \(client.name) is listed twice" }
            guard CurveKey.isValid(client.publicKey) else {
                return "the public key of \(client.name) is not 40 characters of Z85"
            }
            if let other = keys.updateValue(client.name, forKey: client.publicKey) {
                return "\(other) and \(client.name) have the same public key"
            }
        }
        return nil
    }
}
