import CoreMetrics

/// The broker's metrics (``BrokerMetricName``), made with the swift-metrics factory the ``Broker`` was given.
///
/// Nothing here runs per message: commit latencies are recorded once per journal commit, and the counters
/// and gauges are brought up to date from ``BrokerStats``, the journals and the groups once per head
/// announcement (every second by default). Owned by the broker's thread.
final class BrokerMetrics {
    private let factory: any MetricsFactory
    private let messageCommits: CoreMetrics.Timer
    private let groupCommits: CoreMetrics.Timer
    private let statsCounters: [(KeyPath<BrokerStats, UInt64>, Counter)]
    private let headSeq, firstSeq, journalBytes, journalSegments, dedupeIDs, subscriptions, groupJournalBytes: Gauge
    private let compactions: Counter
    private var exported = BrokerStats()
    private var exportedCompactions = 0
    private var groupMetrics: [String: GroupMetrics] = [:]

    /// One queue group's gauges and counters, and the counter values already exported.
    private struct GroupMetrics {
        let lag, leases, waiting, workers: Gauge
        let acked, redeliveries, deadLetters: Counter
        var exported: (acked: UInt64, redeliveries: UInt64, deadLetters: UInt64)
    }

    init(factory: any MetricsFactory) {
        self.factory = factory
        messageCommits = Timer(label: BrokerMetricName.commitSeconds, dimensions: [("journal", "messages")], factory: factory)
        groupCommits = Timer(label: BrokerMetricName.commitSeconds, dimensions: [("journal", "groups")], factory: factory)
        statsCounters = [
            (\.published, BrokerMetricName.published), (\.publishedBytes, BrokerMetricName.publishedBytes),
            (\.duplicates, BrokerMetricName.duplicates), (\.rejected, BrokerMetricName.rejected),
            (\.replayRequests, BrokerMetricName.replayRequests), (\.replayedRecords, BrokerMetricName.replayedRecords),
        ].map { path, name in (path, Counter(label: name, factory: factory)) }
        headSeq = Gauge(label: BrokerMetricName.headSeq, factory: factory)
        firstSeq = Gauge(label: BrokerMetricName.firstSeq, factory: factory)
        journalBytes = Gauge(label: BrokerMetricName.journalBytes, factory: factory)
        journalSegments = Gauge(label: BrokerMetricName.journalSegments, factory: factory)
        dedupeIDs = Gauge(label: BrokerMetricName.dedupeIDs, factory: factory)
        subscriptions = Gauge(label: BrokerMetricName.subscriptions, factory: factory)
        groupJournalBytes = Gauge(label: BrokerMetricName.groupJournalBytes, factory: factory)
        compactions = Counter(label: BrokerMetricName.groupJournalCompactions, factory: factory)
    }

    /// One commit of the message journal took `nanoseconds`.
    func recordCommit(nanoseconds: UInt64) {
        messageCommits.recordNanoseconds(nanoseconds)
    }

    /// One commit of the group journal took `nanoseconds`.
    func recordGroupCommit(nanoseconds: UInt64) {
        groupCommits.recordNanoseconds(nanoseconds)
    }

    /// Counts group events from now on: groups restored from the group journal keep their totals in
    /// `marquee lag`, while their counters here start at zero like every other counter of this process.
    func startCounting(_ groups: [String: QueueGroup]) {
        for group in groups.values {
            groupMetrics[group.name] = makeMetrics(group.name, exported: (group.acked, group.redeliveries, group.deadLetters))
        }
    }

    /// Brings every counter and gauge up to date.
    func refresh(stats: BrokerStats, journal: Journal, dedupeIDs ids: Int, groupJournal: GroupJournal, groups: [String: QueueGroup]) {
        for (path, counter) in statsCounters where stats[keyPath: path] > exported[keyPath: path] {
            counter.increment(by: stats[keyPath: path] - exported[keyPath: path])
        }
        exported = stats
        headSeq.record(journal.lastSeq)
        firstSeq.record(journal.firstSeq)
        journalBytes.record(journal.sizeBytes)
        journalSegments.record(journal.segmentCount)
        dedupeIDs.record(ids)
        subscriptions.record(stats.subscriptions)
        groupJournalBytes.record(groupJournal.sizeBytes)
        if groupJournal.compactions > exportedCompactions {
            compactions.increment(by: groupJournal.compactions - exportedCompactions)
            exportedCompactions = groupJournal.compactions
        }
        for group in groups.values {
            var metrics = groupMetrics[group.name] ?? makeMetrics(group.name, exported: (0, 0, 0))
            metrics.lag.record(journal.lastSeq >= group.cursor ? journal.lastSeq - group.cursor + 1 : 0)
            metrics.leases.record(group.leases.count)
            metrics.waiting.record(group.ready.count)
            metrics.workers.record(group.workers.count)
            Self.advance(metrics.acked, from: &metrics.exported.acked, to: group.acked)
            Self.advance(metrics.redeliveries, from: &metrics.exported.redeliveries, to: group.redeliveries)
            Self.advance(metrics.deadLetters, from: &metrics.exported.deadLetters, to: group.deadLetters)
            groupMetrics[group.name] = metrics
        }
    }

    /// A group's metrics, its counters already exported up to `exported`.
    private func makeMetrics(_ name: String, exported: (UInt64, UInt64, UInt64)) -> GroupMetrics {
        let dimensions = [("group", name)]
        func gauge(_ name: String) -> Gauge { Gauge(label: name, dimensions: dimensions, factory: factory) }
        func counter(_ name: String) -> Counter { Counter(label: name, dimensions: dimensions, factory: factory) }
        return GroupMetrics(
            lag: gauge(BrokerMetricName.groupLag), leases: gauge(BrokerMetricName.groupLeases),
            waiting: gauge(BrokerMetricName.groupWaiting), workers: gauge(BrokerMetricName.groupWorkers),
            acked: counter(BrokerMetricName.groupAcked), redeliveries: counter(BrokerMetricName.groupRedeliveries),
            deadLetters: counter(BrokerMetricName.groupDeadLetters), exported: exported)
    }

    private static func advance(_ counter: Counter, from exported: inout UInt64, to value: UInt64) {
        if value > exported { counter.increment(by: value - exported) }
        exported = value
    }
}
