import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A browser's session on the dashboard in the router tests: the session cookie from `POST /login` and the CSRF
/// token the pages carry.
struct DashboardSession {
    var cookie: String
    var csrf: String

    /// Signs `user` in through the login form and reads the CSRF token from the board.
    static func signIn(_ user: String, password: String, client: some TestClientProtocol) async throws
        -> DashboardSession
    {
        let response = try await client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "user=\(user)&password=\(Form.encode(password))&next=%2F"))
        guard response.status == .seeOther, let setCookie = response.headers[.setCookie],
            let pair = setCookie.split(separator: ";").first
        else { throw SignInFailed(user: user, status: response.status.code) }
        let cookie = String(pair)
        let board = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie])
        let html = String(buffer: board.body)
        guard let range = html.range(of: #"<meta name="csrf-token" content=""#),
            let end = html[range.upperBound...].firstIndex(of: "\"")
        else { throw SignInFailed(user: user, status: board.status.code) }
        return DashboardSession(cookie: cookie, csrf: String(html[range.upperBound..<end]))
    }

    struct SignInFailed: Error {
        var user: String
        var status: Int
    }

    /// The headers of a page request.
    var headers: HTTPFields { [.cookie: cookie] }

    /// The headers of a form post.
    var formHeaders: HTTPFields { [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"] }

    /// A form body with this session's CSRF token and `fields`.
    func form(_ fields: [(String, String)]) -> ByteBuffer {
        Form.body([("_csrf", csrf)] + fields)
    }
}

/// Form bodies for the router tests.
enum Form {
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    static func body(_ fields: [(String, String)]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&"))
    }
}
