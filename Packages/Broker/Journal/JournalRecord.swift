/// One stored record as handed to the callback of ``Journal/read(from:_:)``.
///
/// Lifetime: the buffers point into the journal's read buffer and are valid **only during the
/// callback** that receives the record; copy what must outlive it (`Array(record.payload)`).
public struct JournalRecord {
    /// Global sequence number.
    public var seq: UInt64
    /// Broker time at append, Unix milliseconds.
    public var time: Int64
    /// Topic bytes (UTF-8, dot-separated event type).
    public var topic: UnsafeRawBufferPointer
    /// Publisher's message id bytes (used for deduplication).
    public var id: UnsafeRawBufferPointer
    /// Identity of the publisher that sent the record.
    public var identity: UnsafeRawBufferPointer
    /// Opaque payload bytes (the envelope); the journal never parses them.
    public var payload: UnsafeRawBufferPointer

    /// The topic decoded as UTF-8, for tools and tests (allocates; not for the hot path).
    public var topicText: String { String(decoding: topic, as: UTF8.self) }
}
