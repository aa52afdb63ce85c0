/// Where a client finds the broker's endpoints, and the CURVE credentials to reach them with.
public struct BusEndpoints: Sendable, Equatable, Codable {
    /// The ROUTER publishers send `[topic, payload, id]` to.
    public var ingress: String
    /// The XPUB subscribers receive `[topic, seq, payload]` from.
    public var fanout: String
    /// The ROUTER that answers REPLAY, STATS and PING.
    public var control: String
    /// The ROUTER queue-group workers join.
    public var group: String
    /// CURVE credentials for a broker that runs with security; `nil` for a plain TCP (development) broker.
    /// Never encoded, so endpoints written to JSON carry no secret key.
    public var credentials: BusCredentials?

    public init(
        ingress: String, fanout: String, control: String, group: String = "tcp://127.0.0.1:7704",
        credentials: BusCredentials? = nil
    ) {
        self.ingress = ingress
        self.fanout = fanout
        self.control = control
        self.group = group
        self.credentials = credentials
    }

    /// The endpoints of a broker on `host` with the default ports 7701–7704.
    public static func local(host: String = "127.0.0.1", basePort: Int = 7701, credentials: BusCredentials? = nil) -> BusEndpoints {
        BusEndpoints(
            ingress: "tcp://\(host):\(basePort)", fanout: "tcp://\(host):\(basePort + 1)",
            control: "tcp://\(host):\(basePort + 2)", group: "tcp://\(host):\(basePort + 3)", credentials: credentials)
    }

    private enum CodingKeys: String, CodingKey {
        case ingress, fanout, control, group
    }
}
