import ZeroMQ

/// What a client needs to reach a broker that runs CURVE: the broker's public key and the client's own key
/// pair, whose public half must be on the broker's allowlist (it decides the client's identity).
///
/// ```swift
/// let credentials = try BusCredentials.load(serverKeyFile: "keys/bus.key", secretKeyFile: "keys/intake.secret")
/// let publisher = try Publisher(bus: BusEndpoints.local(credentials: credentials), logger: logger)
/// ```
public struct BusCredentials: Sendable, Equatable {
    /// The broker's CURVE public key, Z85.
    public var serverKey: String
    /// This client's key pair, Z85.
    public var client: CurveKeyPair

    public init(serverKey: String, client: CurveKeyPair) {
        self.serverKey = serverKey
        self.client = client
    }

    /// Reads the broker's public key from `serverKeyFile` and this client's pair from `secretKeyFile`
    /// (`NAME.secret`; its public half is derived, and checked against the sibling `NAME.key` if present).
    public static func load(serverKeyFile: String, secretKeyFile: String) throws(CurveKeyError) -> BusCredentials {
        BusCredentials(serverKey: try CurveKeyFile.readKey(serverKeyFile), client: try CurveKeyFile.readPair(secretKeyPath: secretKeyFile))
    }
}

extension Socket {
    /// Makes this client socket a CURVE client when `credentials` are given; call before `connect`.
    func secure(with credentials: BusCredentials?) throws {
        guard let credentials else { return }
        try makeCurveClient(serverKey: credentials.serverKey, keys: credentials.client)
    }
}
