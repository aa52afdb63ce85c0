import Contracts
import Foundation

extension Publisher {
    /// Publishes `envelope` on its type's topic under its event id; returns the seq it was stored at.
    public func publish(_ envelope: AnyEnvelope) async throws -> UInt64 {
        try await publish(
            topic: envelope.header.type.rawValue, payload: Array(try envelope.encoded()),
            id: envelope.header.id.uuidString.lowercased())
    }

    /// Publishes a typed `envelope`; returns the seq it was stored at.
    public func publish<Payload: Event>(_ envelope: Envelope<Payload>) async throws -> UInt64 {
        try await publish(AnyEnvelope(envelope))
    }
}
