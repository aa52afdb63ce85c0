/// What each identity may publish, in the form the ingress hot path checks without allocating: topic
/// prefixes and sources as bytes, found by the publish's ZAP user id.
struct PublishPolicy {
    /// The outcome of a check; a refusal carries the sentence sent back with `forbidden`.
    enum Verdict: Equatable {
        case allowed
        case forbidden(String)
    }

    /// One identity's grant.
    struct Grant {
        let name: [UInt8]
        let identity: ClientIdentity
        let prefixes: [[UInt8]]
        /// `nil`: any source.
        let sources: [[UInt8]]?
    }

    private let grants: [Grant]

    init(clients: [ClientIdentity]) {
        grants = clients.map { client in
            let sources: [[UInt8]]? =
                switch client.sources {
                case .any: nil
                case .only(let list): list.map { Array($0.utf8) }
                }
            return Grant(name: Array(client.name.utf8), identity: client, prefixes: client.publishPrefixes.map { Array($0.utf8) }, sources: sources)
        }
    }

    /// Whether the connection authenticated as `identity` (its `User-Id`) may publish `payload` on `topic`.
    func authorize(identity: UnsafeRawBufferPointer?, topic: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer) -> Verdict {
        guard let identity, !identity.isEmpty else {
            return .forbidden("this connection has no authenticated identity")
        }
        guard let grant = grants.first(where: { identity.elementsEqual($0.name) }) else {
            return .forbidden("identity \(String(decoding: identity, as: UTF8.self)) may not publish")
        }
        guard grant.prefixes.contains(where: { topic.starts(with: $0) }) else {
            let name = grant.identity.name
            let topicText = String(decoding: topic, as: UTF8.self)
            if grant.prefixes.isEmpty { return .forbidden("identity \(name) may not publish (it has no publish prefixes)") }
            let allowed = grant.identity.publishPrefixes.joined(separator: ", ")
            return .forbidden("identity \(name) may not publish on topic \(topicText); its topics start with \(allowed)")
        }
        guard let sources = grant.sources else { return .allowed }
        switch EnvelopeSourceScanner.scan(payload) {
        case .source(let range):
            let source = UnsafeRawBufferPointer(rebasing: payload[range])
            if sources.contains(where: { source.elementsEqual($0) }) { return .allowed }
            return .forbidden("identity \(grant.identity.name) may not publish as source \(String(decoding: source, as: UTF8.self))")
        case .decodedSource(let source):
            if sources.contains(source) { return .allowed }
            return .forbidden("identity \(grant.identity.name) may not publish as source \(String(decoding: source, as: UTF8.self))")
        case .missing, .notAString, .duplicate, .malformed:
            return .forbidden(
                "identity \(grant.identity.name) must publish a CloudEvents JSON object with exactly one string \"source\"")
        }
    }
}
