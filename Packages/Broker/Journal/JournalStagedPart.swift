/// A run of staged records that goes to one segment: starts at `bufferStart` in the staging buffer
/// with record `firstSeq`, and either continues the active segment or starts a new one.
struct JournalStagedPart {
    var bufferStart: Int
    var firstSeq: UInt64
    var startsSegment: Bool
    /// Time of the run's last record.
    var lastTime: Int64
}
