import Contracts
import Domain
import Foundation
import GRDB
import ServiceKit

/// Sends decided notices on their way inside the caller's transaction: routes them (``NoticeRouting``), emits
/// each inbox notification to the outbox under an id derived from (cause, recipient, kind) and queues email and
/// webhook messages in `ntf_delivery`, unique per (cause, channel, recipient, kind) — so a cause handled twice
/// notifies nobody twice. The channel workers are woken once the transaction commits.
struct NoticeDispatch: Sendable {
    let routing: NoticeRouting
    let wakeups: DeliveryWakeups

    /// Dispatches `notices` caused by the event (or tick) `cause` of chain `correlation` at `now`; returns the
    /// channels that got new messages.
    @discardableResult
    func dispatch(_ notices: [Notice], cause: UUID, correlation: UUID, now: Date, in db: Database, outbox: inout Outbox) throws
        -> Set<String>
    {
        var woken = Set<String>()
        for route in routing.routes(notices, at: now) {
            switch route {
            case .inbox(let notice):
                outbox.emit(
                    NotificationInbox(
                        recipient: notice.recipient.id, kind: notice.kind, campaignID: notice.campaignID, title: notice.title,
                        body: notice.body, link: notice.link, causeID: cause),
                    id: NotifyStore.inboxEventID(cause: cause, recipient: notice.recipient.id, kind: notice.kind))
            case .queued(let message):
                if try DeliveryQueue.enqueue(message, cause: cause, correlation: correlation, now: now, in: db) {
                    woken.insert(message.channel)
                }
            }
        }
        if !woken.isEmpty {
            let (wakeups, channels) = (wakeups, woken)
            db.afterNextTransaction { _ in wakeups.wake(channels) }
        }
        return woken
    }
}
