import Contracts
import Domain
import Logging

extension Logger {
    /// A copy of this logger stamped with the identifiers of the event in `header` and its bus `seq`;
    /// make one per handled message so every line about it carries them.
    public func handling(_ header: EnvelopeHeader, seq: UInt64) -> Logger {
        var logger = handling(seq: seq)
        logger[metadataKey: LogKey.eventID] = "\(Inbox.key(header.id))"
        logger[metadataKey: LogKey.eventType] = "\(header.type)"
        logger[metadataKey: LogKey.correlationID] = "\(Inbox.key(header.correlationID))"
        logger[metadataKey: LogKey.causationID] = header.causationID.map { "\(Inbox.key($0))" }
        logger[metadataKey: LogKey.campaignID] = header.subject.map { "\($0.rawValue)" }
        return logger
    }

    /// A copy of this logger stamped with a delivery's bus `seq` (for messages whose envelope is unreadable).
    public func handling(seq: UInt64) -> Logger {
        var logger = self
        logger[metadataKey: LogKey.busSeq] = "\(seq)"
        return logger
    }
}
