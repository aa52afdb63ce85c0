import ZeroMQ

/// The allowlist as the ZAP handler reads it: client public keys (32 bytes) → identity names, and the
/// answer to one ZAP request.
struct ZAPDirectory: Sendable {
    /// One ZAP reply and what it says, for logging.
    struct Reply {
        var frames: [[UInt8]]
        var isRefusal: Bool
        var statusText: String
        var userID: String
        var clientKey: String
        var address: String
    }

    private let names: [[UInt8]: String]

    init(clients: [ClientIdentity]) {
        var names: [[UInt8]: String] = [:]
        for client in clients {
            if let key = CurveKey.bytes(client.publicKey) { names[key] = client.name }
        }
        self.names = names
    }

    /// Answers `[version, request-id, domain, address, routing-id, mechanism, credentials…]` with
    /// `[version, request-id, status, text, user-id, metadata]`.
    func answer(_ request: [[UInt8]]) -> Reply {
        let requestID = request.count > 1 ? request[1] : []
        guard request.count >= 6, request[0] == Array("1.0".utf8) else {
            return refusal(requestID, status: "500", "not a ZAP 1.0 request", key: "", address: "")
        }
        let address = String(decoding: request[3], as: UTF8.self)
        guard request[5] == Array("CURVE".utf8), request.count == 7, request[6].count == 32 else {
            return refusal(requestID, status: "400", "only CURVE clients are accepted", key: "", address: address)
        }
        let key = (try? Z85.encode(request[6])) ?? ""
        guard let name = names[request[6]] else {
            return refusal(requestID, status: "400", "unknown client key", key: key, address: address)
        }
        return Reply(
            frames: [Array("1.0".utf8), requestID, Array("200".utf8), Array("OK".utf8), Array(name.utf8), []],
            isRefusal: false, statusText: "OK", userID: name, clientKey: key, address: address)
    }

    private func refusal(_ requestID: [UInt8], status: String, _ text: String, key: String, address: String) -> Reply {
        Reply(
            frames: [Array("1.0".utf8), requestID, Array(status.utf8), Array(text.utf8), [], []],
            isRefusal: true, statusText: text, userID: "", clientKey: key, address: address)
    }
}
