import Domain

/// What the shared layout shows around every page: the title, the signed-in user, the navigation (with the number
/// of unread notifications beside the inbox), the CSRF token of the session's forms, and whether the page follows
/// live updates (`GET /events`).
struct PageChrome: Sendable {
    struct NavItem: Sendable {
        var href: String
        var label: String
        var current: Bool
        /// A count beside the label (the inbox's unread notifications), if any.
        var count: String?
    }

    /// The signed-in user's unread notifications, bound by the dashboard for the request it renders.
    @TaskLocal static var unread: Int?

    var title: String
    var userName: String?
    var userID: String?
    var roles: String
    var csrf: String
    var nav: [NavItem]
    /// `campaigns`: the page re-fetches its `[data-live]` parts when a campaign changes; `ops` also follows the tail;
    /// `form` and `chat` only load the script (the request form's check, the chat's posting).
    var live: String?

    static let sections: [(href: String, label: String)] = [
        ("/", "Board"), ("/requests/new", "New request"), ("/work", "My work"), ("/approvals", "Approvals"),
        ("/calendar", "Calendar"), ("/inbox", "Inbox"), ("/assistant", "Assistant"), ("/ops", "Ops"),
    ]

    /// The chrome of a page at `path` for `actor` (nil: signed out).
    init(title: String, path: String, actor: Actor?, live: String? = nil) {
        self.title = title
        userName = actor?.user.name
        userID = actor?.user.id.rawValue
        roles = actor?.user.roles.map(\.rawValue).joined(separator: ", ") ?? ""
        csrf = actor?.csrf ?? ""
        let unread = Self.unread.flatMap { $0 > 0 ? String($0) : nil }
        nav =
            actor == nil
            ? []
            : Self.sections.map {
                NavItem(href: $0.href, label: $0.label, current: $0.href == path, count: $0.href == "/inbox" ? unread : nil)
            }
        self.live = live
    }
}
