import CZMQ

extension Socket {
    func setOption<T: BitwiseCopyable>(_ option: Int32, _ value: T, _ name: String) throws {
        var value = value
        guard zmq_setsockopt(handle, option, &value, MemoryLayout<T>.size) == 0 else {
            throw ZMQError.last("zmq_setsockopt \(name)")
        }
    }

    func setOption(_ option: Int32, bytes: [UInt8], _ name: String) throws {
        let result = bytes.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
        guard result == 0 else { throw ZMQError.last("zmq_setsockopt \(name)") }
    }

    func intOption(_ option: Int32, _ name: String) throws -> Int32 {
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        guard zmq_getsockopt(handle, option, &value, &size) == 0 else {
            throw ZMQError.last("zmq_getsockopt \(name)")
        }
        return value
    }

    /// Messages queued for sending per peer before ZeroMQ blocks or drops (`ZMQ_SNDHWM`; 0 = no limit).
    public func setSendHighWaterMark(_ messages: Int) throws {
        try setOption(ZMQ_SNDHWM, Int32(messages), "ZMQ_SNDHWM")
    }

    /// Messages queued on receipt per peer (`ZMQ_RCVHWM`; 0 = no limit).
    public func setReceiveHighWaterMark(_ messages: Int) throws {
        try setOption(ZMQ_RCVHWM, Int32(messages), "ZMQ_RCVHWM")
    }

    /// How long `close` waits to deliver queued messages, in milliseconds (`ZMQ_LINGER`; -1 = forever).
    public func setLinger(milliseconds: Int) throws {
        try setOption(ZMQ_LINGER, Int32(milliseconds), "ZMQ_LINGER")
    }

    /// The identity this socket presents to a ROUTER peer (`ZMQ_ROUTING_ID`, 1–255 bytes).
    public func setRoutingID(_ id: [UInt8]) throws {
        try setOption(ZMQ_ROUTING_ID, bytes: id, "ZMQ_ROUTING_ID")
    }

    /// ZMTP heartbeats: a PING every `interval`; the peer is dropped when nothing arrives within `timeout`;
    /// `ttl` tells the peer how long to wait for us. All in milliseconds.
    public func setHeartbeat(intervalMilliseconds: Int, timeoutMilliseconds: Int, ttlMilliseconds: Int) throws {
        try setOption(ZMQ_HEARTBEAT_IVL, Int32(intervalMilliseconds), "ZMQ_HEARTBEAT_IVL")
        try setOption(ZMQ_HEARTBEAT_TIMEOUT, Int32(timeoutMilliseconds), "ZMQ_HEARTBEAT_TIMEOUT")
        try setOption(ZMQ_HEARTBEAT_TTL, Int32(ttlMilliseconds), "ZMQ_HEARTBEAT_TTL")
    }

    /// TCP keepalive probes: the kernel drops a silent connection after `idle` seconds without traffic
    /// plus `count` unanswered probes `interval` seconds apart (`ZMQ_TCP_KEEPALIVE*`).
    public func setTCPKeepalive(idleSeconds: Int, intervalSeconds: Int, count: Int) throws {
        try setOption(ZMQ_TCP_KEEPALIVE, Int32(1), "ZMQ_TCP_KEEPALIVE")
        try setOption(ZMQ_TCP_KEEPALIVE_IDLE, Int32(idleSeconds), "ZMQ_TCP_KEEPALIVE_IDLE")
        try setOption(ZMQ_TCP_KEEPALIVE_INTVL, Int32(intervalSeconds), "ZMQ_TCP_KEEPALIVE_INTVL")
        try setOption(ZMQ_TCP_KEEPALIVE_CNT, Int32(count), "ZMQ_TCP_KEEPALIVE_CNT")
    }

    /// Largest inbound message in bytes (`ZMQ_MAXMSGSIZE`); a peer sending more is disconnected. -1 = none.
    public func setMaxMessageSize(_ bytes: Int64) throws {
        try setOption(ZMQ_MAXMSGSIZE, bytes, "ZMQ_MAXMSGSIZE")
    }

    /// ROUTER: fail with `EHOSTUNREACH` instead of silently dropping a message to an unknown peer.
    public func setRouterMandatory(_ on: Bool) throws {
        try setOption(ZMQ_ROUTER_MANDATORY, Int32(on ? 1 : 0), "ZMQ_ROUTER_MANDATORY")
    }

    /// ROUTER: a new connection with a routing id already in use takes it over (a reconnecting peer
    /// with a fixed `ZMQ_ROUTING_ID` replaces its dead connection instead of being ignored).
    public func setRouterHandover(_ on: Bool) throws {
        try setOption(ZMQ_ROUTER_HANDOVER, Int32(on ? 1 : 0), "ZMQ_ROUTER_HANDOVER")
    }

    /// XPUB: pass every subscription message up, not only new ones.
    public func setXPubVerbose(_ on: Bool) throws {
        try setOption(ZMQ_XPUB_VERBOSE, Int32(on ? 1 : 0), "ZMQ_XPUB_VERBOSE")
    }

    /// Queue messages only to completed connections (`ZMQ_IMMEDIATE`).
    public func setImmediate(_ on: Bool) throws {
        try setOption(ZMQ_IMMEDIATE, Int32(on ? 1 : 0), "ZMQ_IMMEDIATE")
    }

    /// Reconnect backoff: first retry after `initial` ms, doubling up to `maximum` ms.
    public func setReconnectInterval(initialMilliseconds: Int, maximumMilliseconds: Int) throws {
        try setOption(ZMQ_RECONNECT_IVL, Int32(initialMilliseconds), "ZMQ_RECONNECT_IVL")
        try setOption(ZMQ_RECONNECT_IVL_MAX, Int32(maximumMilliseconds), "ZMQ_RECONNECT_IVL_MAX")
    }

    /// Blocking receive gives up with `EAGAIN` after this many milliseconds (-1 = never).
    public func setReceiveTimeout(milliseconds: Int) throws {
        try setOption(ZMQ_RCVTIMEO, Int32(milliseconds), "ZMQ_RCVTIMEO")
    }

    /// Blocking send gives up with `EAGAIN` after this many milliseconds (-1 = never).
    public func setSendTimeout(milliseconds: Int) throws {
        try setOption(ZMQ_SNDTIMEO, Int32(milliseconds), "ZMQ_SNDTIMEO")
    }

    /// SUB: receive messages whose first frame starts with `prefix` (empty = everything).
    public func subscribe(_ prefix: [UInt8]) throws {
        try setOption(ZMQ_SUBSCRIBE, bytes: prefix, "ZMQ_SUBSCRIBE")
    }

    /// SUB: stop receiving messages for a prefix given to `subscribe`.
    public func unsubscribe(_ prefix: [UInt8]) throws {
        try setOption(ZMQ_UNSUBSCRIBE, bytes: prefix, "ZMQ_UNSUBSCRIBE")
    }

    /// The ZAP domain sent to the authentication handler for connections to this socket.
    public func setZAPDomain(_ domain: String) throws {
        try setOption(ZMQ_ZAP_DOMAIN, bytes: Array(domain.utf8), "ZMQ_ZAP_DOMAIN")
    }

    /// Makes this socket a CURVE server holding `secretKey` (Z85).
    public func makeCurveServer(secretKey: String) throws {
        try setOption(ZMQ_CURVE_SERVER, Int32(1), "ZMQ_CURVE_SERVER")
        try setOption(ZMQ_CURVE_SECRETKEY, bytes: Array(secretKey.utf8), "ZMQ_CURVE_SECRETKEY")
    }

    /// Makes this socket a CURVE client of the server with `serverKey`, using its own `keys`.
    public func makeCurveClient(serverKey: String, keys: CurveKeyPair) throws {
        try setOption(ZMQ_CURVE_SERVERKEY, bytes: Array(serverKey.utf8), "ZMQ_CURVE_SERVERKEY")
        try setOption(ZMQ_CURVE_PUBLICKEY, bytes: Array(keys.publicKey.utf8), "ZMQ_CURVE_PUBLICKEY")
        try setOption(ZMQ_CURVE_SECRETKEY, bytes: Array(keys.secretKey.utf8), "ZMQ_CURVE_SECRETKEY")
    }
}
