import Domain
import Foundation
import GRDB
import Hummingbird
import ServiceKit

extension Authenticator {
    /// The reader of a feed calendar apps poll: the usual credentials, or a calendar feed token in `?token=` (apps
    /// cannot send headers). A feed token opens nothing but feeds, and an API token is never taken from the URL.
    func feedReader(of request: Request) async throws -> Actor {
        if let token = request.uri.queryParameters["token"], request.headers[.authorization] == nil {
            let secret = String(token)
            guard let user = try await store.pool.read({ db in try Self.feedTokenUser(secret, in: db) }) else {
                throw GatewayProblem.unauthenticated("the feed token is unknown or revoked")
            }
            return Actor(user: user, credential: .token)
        }
        return try await reader(of: request)
    }

    /// Issues a calendar feed token (`mqc_…`) for `user`; returns the secret (shown once).
    static func issueFeedToken(for user: UserID, now: Date, in db: Database) throws -> String {
        let secret = Secret.make(prefix: "mqc_")
        try db.execute(
            sql: "INSERT INTO gw_token (secret_hash, user, name, created_at, scope) VALUES (?, ?, 'calendar feed', ?, 'calendar')",
            arguments: [Secret.digest(secret), user.rawValue, now.timeIntervalSince1970])
        return secret
    }

    private static func feedTokenUser(_ secret: String, in db: Database) throws -> GatewayUser? {
        guard let id = try String.fetchOne(
            db, sql: "SELECT user FROM gw_token WHERE secret_hash = ? AND scope = 'calendar'", arguments: [Secret.digest(secret)])
        else { return nil }
        return try UserDirectory.load(UserID(rawValue: id), in: db)?.0
    }
}
