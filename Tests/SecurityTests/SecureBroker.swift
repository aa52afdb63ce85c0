import Broker
import Bus
import Foundation
import Logging
import ZeroMQ

/// An in-process broker running CURVE on loopback, with key pairs for a few client identities.
final class SecureBroker: Sendable {
    let directory: String
    let broker: Broker
    let serverKeys: CurveKeyPair
    /// Each identity's key pair, by name.
    let clientKeys: [String: CurveKeyPair]
    let bound: Broker.Endpoints

    static var quietLogger: Logger {
        var logger = Logger(label: "security-test")
        logger.logLevel = .critical
        return logger
    }

    /// Starts a broker whose allowlist is `clients` (names, prefixes, sources); keys are generated.
    static func start(_ clients: [(name: String, prefixes: [String], sources: ClientIdentity.Sources?)]) async throws -> SecureBroker {
        let serverKeys = try CurveKeyPair.generate()
        var keys: [String: CurveKeyPair] = [:]
        var identities: [ClientIdentity] = []
        for client in clients {
            let pair = try CurveKeyPair.generate()
            keys[client.name] = pair
            identities.append(
                ClientIdentity(name: client.name, publicKey: pair.publicKey, publishPrefixes: client.prefixes, sources: client.sources))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-sec-\(UUID().uuidString)").path
        let any = "tcp://127.0.0.1:*"
        let configuration = BrokerConfiguration(
            ingressEndpoint: any, fanoutEndpoint: any, controlEndpoint: any, groupEndpoint: any, journalDirectory: directory,
            headIntervalMilliseconds: 100, security: BrokerSecurity(serverSecretKey: serverKeys.secretKey, clients: identities))
        let broker = try Broker(configuration: configuration, logger: quietLogger)
        let bound = try await broker.start()
        return SecureBroker(directory: directory, broker: broker, serverKeys: serverKeys, clientKeys: keys, bound: bound)
    }

    private init(directory: String, broker: Broker, serverKeys: CurveKeyPair, clientKeys: [String: CurveKeyPair], bound: Broker.Endpoints) {
        self.directory = directory
        self.broker = broker
        self.serverKeys = serverKeys
        self.clientKeys = clientKeys
        self.bound = bound
    }

    /// The endpoints with the credentials of `identity`, or of a fresh key pair the broker does not know.
    func endpoints(as identity: String?) throws -> BusEndpoints {
        let keys = try identity.flatMap { clientKeys[$0] } ?? CurveKeyPair.generate()
        return BusEndpoints(
            ingress: bound.ingress, fanout: bound.fanout, control: bound.control, group: bound.group,
            credentials: BusCredentials(serverKey: serverKeys.publicKey, client: keys))
    }

    /// Stops the broker and returns every journal record as (seq, topic, identity).
    func stopAndReadJournal() async throws -> [(seq: UInt64, topic: String, identity: String)] {
        broker.stop()
        try await broker.waitUntilStopped()
        let journal = try Journal(directory: directory, options: JournalOptions(), logger: Self.quietLogger)
        var records: [(seq: UInt64, topic: String, identity: String)] = []
        try journal.read(from: 1) { record in
            records.append((record.seq, record.topicText, String(decoding: record.identity, as: UTF8.self)))
            return true
        }
        return records
    }

    func removeData() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// A CloudEvents envelope as JSON bytes, with `source` and a few other top-level members.
func envelope(source: String, type: String = "campaign.intake.held") -> [UInt8] {
    Array(
        """
        {"specversion":"1.0","id":"\(UUID().uuidString.lowercased())","type":"\(type)","data":{"source":"nested"},"source":"\(source)","time":"2026-01-01T00:00:00Z"}
        """.utf8)
}
