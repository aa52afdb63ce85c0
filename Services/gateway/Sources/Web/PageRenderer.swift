import Hummingbird
import Mustache
import NIOCore

/// Renders the dashboard from the templates compiled into the binary (`Web/Templates`): a page's own template,
/// then the shared layout around it. Values are HTML-escaped by Mustache unless a template says `{{{…}}}`, which
/// only the layout does, for the page it wraps.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Every template by name.
    static let templates: [String: String] = [
        "layout": LayoutTemplate.text, "login": LoginTemplate.text, "board": BoardTemplate.text,
        "request": RequestTemplate.text, "request-field": RequestTemplate.field, "campaign": CampaignTemplate.text,
        "work": WorkTemplate.text,
        "qa": QATemplate.text, "calendar": CalendarTemplate.text, "ops": OpsTemplate.text, "error": ErrorTemplate.text,
        "assistant": AssistantTemplate.text, "inbox": InboxTemplate.text,
    ]

    init() {
        var library = MustacheLibrary()
        for (name, text) in Self.templates {
            do {
                try library.register(text, named: name)
            } catch {
                preconditionFailure("the \(name) template does not parse: \(error)")  // compiled in; tests render each
            }
        }
        self.library = library
    }

    /// The page `template` over `content` inside the layout.
    func page(_ template: String, _ content: Any, chrome: PageChrome, status: HTTPResponse.Status = .ok) -> Response {
        let body = library.render(content, withTemplate: template) ?? ""
        let html = library.render(Layout(chrome: chrome, body: body), withTemplate: "layout") ?? ""
        return Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy: Self.policy,
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// Scripts and styles from the gateway only; no inline script runs.
    static let policy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"

    struct Layout {
        var chrome: PageChrome
        var body: String
    }
}
