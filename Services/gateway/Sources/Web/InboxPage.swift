import Foundation
import Hummingbird

/// `/inbox`: the signed-in user's notifications, newest first (a page of 50, then "Older notifications"), unread
/// ones marked, each linking to its campaign on this dashboard; `POST /inbox/{id}/read` marks one read (the API's
/// code path) and goes back to the inbox (303). The unread count also shows beside "Inbox" in the navigation.
extension DashboardRoutes {
    struct InboxView {
        struct Item {
            var id: String
            var title: String
            var body: String
            var kind: String
            var campaignID: String
            var at: String
            var unread: Bool
        }

        var items: [Item]
        var unread: Int
        var older: String?
        var csrf: String
    }

    func inboxPage(_ request: Request, _ actor: Actor) async throws -> Response {
        let (before, limit) = try InboxRoutes.window(CampaignFilter.query(of: request))
        let page = try await inbox.page(of: actor.user.id, before: before, limit: limit)
        let view = InboxView(
            items: page.items.map {
                InboxView.Item(
                    id: $0.id, title: $0.title, body: $0.body, kind: $0.kind.replacingOccurrences(of: "_", with: " "),
                    campaignID: $0.campaignID, at: CampaignView.time($0.at), unread: $0.readAt == nil)
            },
            unread: page.unread, older: page.nextCursor, csrf: actor.csrf ?? "")
        return renderer.page("inbox", view, chrome: PageChrome(title: "Inbox", path: "/inbox", actor: actor))
    }

    func markRead(_ request: Request, id: String, _ actor: Actor) async throws -> Response {
        let form = try await WebForm.read(request)
        let actor = try await auth.writer(of: request, formToken: form["_csrf"] ?? "")
        _ = try await inbox.markRead(id, by: actor)
        return Self.redirect("/inbox")
    }
}
