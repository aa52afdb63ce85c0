/// Where a client finds the broker's three endpoints.
public struct BusEndpoints: Sendable, Equatable, Codable {
    /// The ROUTER publishers send `[topic, payload, id]` to.
    public var ingress: String
    /// The XPUB subscribers receive `[topic, seq, payload]` from.
    public var fanout: String
    /// The ROUTER that answers REPLAY, STATS and PING.
    public var control: String
    /// The ROUTER queue-group workers join.
    public var group: String

    public init(ingress: String, fanout: String, control: String, group: String = "tcp://127.0.0.1:7704") {
        self.ingress = ingress
        self.fanout = fanout
        self.control = control
        self.group = group
    }

    /// The endpoints of a broker on `host` with the default ports 7701–7704.
    public static func local(host: String = "127.0.0.1", basePort: Int = 7701) -> BusEndpoints {
        BusEndpoints(
            ingress: "tcp://\(host):\(basePort)", fanout: "tcp://\(host):\(basePort + 1)",
            control: "tcp://\(host):\(basePort + 2)", group: "tcp://\(host):\(basePort + 3)")
    }
}
