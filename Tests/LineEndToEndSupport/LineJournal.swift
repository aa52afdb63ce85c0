import Bus
import Contracts
import Domain
import Foundation
import Logging
import StationKit

/// A journal as the line writes it, computed with the pure Domain instead of run through the stations:
/// per campaign its request, the people's commands and documents, build's `revise_document` commands, the
/// facts (with the stations' sources and derived ids) and the rejections, in the order the line stores them.
/// For the rebuild benchmark: 10k campaigns' history in the journal in seconds, not hours.
public enum LineJournal {
    /// The records of `scenario`, in order.
    public static func records(of scenario: LineScenario) -> [AnyEnvelope] {
        let start = LineModel.start
        let rules = LineModel.rules
        let id = scenario.id
        var out: [AnyEnvelope] = []
        func people<E: Event>(_ event: E) -> EnvelopeHeader {
            let envelope = Envelope(id: UUID(), source: LineDriver.source, time: start, data: event)
            out.append(AnyEnvelope(envelope))
            return envelope.header
        }
        var version = 0
        var campaign: Campaign
        func facts(_ events: [DomainEvent], by station: Station, cause: EnvelopeHeader, on base: Campaign) {
            var state = base
            for event in events {
                state.evolve(event)
                version += 1
                let fact = CampaignFactRecorded(event: event, version: version, stage: state.stage)
                out.append(AnyEnvelope(Envelope(
                    id: DerivedEventID.fact(id.rawValue, version: version), source: station.source, time: event.occurredAt,
                    correlationID: cause.correlationID, causationID: cause.id, data: fact)))
            }
        }
        let request = people(RequestSubmitted(campaignID: id, request: scenario.request(complete: !scenario.incomplete)))
        let submitted = Campaign.submit(
            scenario.request(complete: !scenario.incomplete), id: id, at: start, rules: rules)
        facts(submitted.events, by: .intake, cause: request,
              on: Campaign(id: id, request: scenario.request(complete: !scenario.incomplete), submittedAt: start))
        campaign = submitted.campaign
        var clocks = [LineModel.goLiveClock, LineModel.closeClock][...]
        var now = start
        for _ in 0..<500 {
            let actions = LineModel.actions(for: campaign, scenario: scenario)
            if !actions.isEmpty {
                var progressed = false
                for action in actions {
                    let owner = campaign.stage.station
                    var cause: EnvelopeHeader
                    switch action {
                    case .command(let command):
                        cause = people(CampaignCommandIssued(campaignID: id, command: command))
                    case .document(let document, let content, let by):
                        let submittedDocument = people(DocumentSubmitted(
                            campaignID: id, document: document, mediaType: "text/html", content: content, submittedBy: by))
                        let command = LineModel.command(for: action, on: campaign)
                        guard case .reviseDocument(let revision) = command else { continue }
                        let revise = Envelope(
                            id: DerivedEventID.revision(id.rawValue, document: document.rawValue, version: revision.version),
                            source: Station.build.source, time: start, correlationID: submittedDocument.correlationID,
                            causationID: submittedDocument.id, data: CampaignCommandIssued(campaignID: id, command: command))
                        out.append(AnyEnvelope(revise))
                        cause = revise.header
                    }
                    let command = LineModel.command(for: action, on: campaign)
                    do {
                        let before = campaign
                        let events = try campaign.apply(command, at: start, rules: rules)
                        facts(events, by: owner, cause: cause, on: before)
                        progressed = progressed || !events.isEmpty
                    } catch {
                        out.append(AnyEnvelope(Envelope(
                            id: DerivedEventID.rejection(of: cause.id), source: owner.source, time: start,
                            correlationID: cause.correlationID, causationID: cause.id,
                            data: CommandRejected(
                                campaignID: id, commandID: cause.id, commandType: cause.type, stage: campaign.stage,
                                code: error.code, message: error.description))))
                    }
                }
                if !progressed { break }
                continue
            }
            let station = campaign.stage.station
            if let command = station.automaticCommand(for: campaign, at: now, rules: rules) {
                let at = station.nextTimer(for: campaign) ?? now
                now = at
                let before = campaign
                guard let events = try? campaign.apply(command, at: at, rules: rules) else { break }
                let cause = out.last?.header ?? request
                facts(events, by: station, cause: cause, on: before)
                continue
            }
            guard let next = clocks.popFirst() else { break }
            now = next
        }
        return out
    }

    /// Publishes the records of `scenarios` interleaved round-robin across campaigns (per campaign in order,
    /// on `lanes` concurrent publishers); returns how many were stored.
    public static func publish(_ scenarios: [LineScenario], ingress: String, lanes: Int = 8, logger: Logger) async throws
        -> Int
    {
        let perCampaign = scenarios.map(records(of:))
        var laneRecords = [[AnyEnvelope]](repeating: [], count: lanes)
        let longest = perCampaign.map(\.count).max() ?? 0
        for step in 0..<longest {
            for (index, records) in perCampaign.enumerated() where step < records.count {
                laneRecords[index % lanes].append(records[step])
            }
        }
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for records in laneRecords {
                group.addTask {
                    let publisher = try Publisher(ingress: ingress, logger: logger)
                    for record in records { _ = try await publisher.publish(record) }
                    await publisher.close()
                    return records.count
                }
            }
            return try await group.reduce(0, +)
        }
    }
}
