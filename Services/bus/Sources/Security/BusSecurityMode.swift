import Broker

/// How a broker's endpoints are protected, as its security file says.
public enum BusSecurityMode: Sendable, Equatable {
    /// CURVE on every endpoint with this allowlist.
    case curve(BrokerSecurity)
    /// Plain TCP: the file says `insecure: true` (development only).
    case insecure
}
