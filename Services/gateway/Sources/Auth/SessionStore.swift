import Domain
import Foundation
import GRDB

/// Browser sessions (`gw_session`) and API tokens (`gw_token`): the client holds a random secret, the database
/// its SHA-256. A session also holds the CSRF token its forms must echo.
enum SessionStore {
    /// How long a session lasts.
    static let sessionLifetime: TimeInterval = 12 * 3600

    /// Opens a session for `user`; returns the cookie secret and the CSRF token.
    static func open(for user: UserID, now: Date, in db: Database) throws -> (secret: String, csrf: String) {
        let secret = Secret.make()
        let csrf = Secret.make()
        try db.execute(
            sql: "INSERT INTO gw_session (secret_hash, user, csrf, expires_at) VALUES (?, ?, ?, ?)",
            arguments: [Secret.digest(secret), user.rawValue, csrf, now.addingTimeInterval(sessionLifetime).timeIntervalSince1970])
        return (secret, csrf)
    }

    /// The user and CSRF token of a live session, if `secret` is one.
    static func session(_ secret: String, now: Date, in db: Database) throws -> (GatewayUser, csrf: String)? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT user, csrf FROM gw_session WHERE secret_hash = ? AND expires_at > ?",
            arguments: [Secret.digest(secret), now.timeIntervalSince1970]),
            let (user, _) = try UserDirectory.load(UserID(rawValue: row["user"]), in: db)
        else { return nil }
        return (user, row["csrf"])
    }

    /// Ends the session `secret`.
    static func close(_ secret: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM gw_session WHERE secret_hash = ?", arguments: [Secret.digest(secret)])
    }

    /// Issues an API token named `name` for `user`; returns the secret (shown once).
    static func issueToken(for user: UserID, name: String, now: Date, in db: Database) throws -> String {
        let secret = Secret.make(prefix: "mqt_")
        try db.execute(
            sql: "INSERT INTO gw_token (secret_hash, user, name, created_at) VALUES (?, ?, ?, ?)",
            arguments: [Secret.digest(secret), user.rawValue, name, now.timeIntervalSince1970])
        return secret
    }

    /// The user of the API token `secret`, if it is one.
    static func tokenUser(_ secret: String, in db: Database) throws -> GatewayUser? {
        guard let id = try String.fetchOne(
            db, sql: "SELECT user FROM gw_token WHERE secret_hash = ? AND scope = 'api'", arguments: [Secret.digest(secret)])
        else { return nil }
        return try UserDirectory.load(UserID(rawValue: id), in: db)?.0
    }
}
