import Crypto
import Foundation

/// Event ids derived from what an event is, not drawn at random: deciding the same thing twice (after a
/// crash, or when a station rebuilds from seq 0) publishes the same id, which the broker and every inbox
/// drop as a duplicate.
///
/// The id is a UUIDv8 holding the first 122 bits of SHA-256 of the name.
public enum DerivedEventID {
    /// The id of fact `version` of `campaign`.
    public static func fact(_ campaign: String, version: Int) -> UUID { named("fact/\(campaign)/\(version)") }

    /// The id of the rejection of command `command`.
    public static func rejection(of command: UUID) -> UUID { named("rejected/\(command.uuidString)") }

    /// The id of an escalation with key `key`.
    public static func escalation(_ key: String) -> UUID { named("escalation/\(key)") }

    /// The id of build's `revise_document` command for version `version` of `document`.
    public static func revision(_ campaign: String, document: String, version: Int) -> UUID {
        named("revise/\(campaign)/\(document)/\(version)")
    }

    /// The id of an event named `name` by its producer.
    public static func named(_ name: String) -> UUID {
        var bytes = Array(SHA256.hash(data: Data(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
