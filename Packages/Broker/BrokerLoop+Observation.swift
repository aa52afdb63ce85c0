extension BrokerLoop {
    /// Brings the metrics up to date and reports the broker's health; runs once per head announcement.
    func observe() {
        metrics.refresh(stats: stats, journal: journal, dedupeIDs: dedupe.count, groupJournal: groupJournal, groups: groups)
        reportHealth(
            BrokerHealth(
                status: .ok, headSeq: journal.lastSeq, firstSeq: journal.firstSeq, journalBytes: journal.sizeBytes,
                segments: journal.segmentCount, groups: groups.count, reportAgeMilliseconds: 0))
    }
}
