import Domain
import Foundation
import GRDB
import ServiceKit

/// The administrator's changes to the user table; each is audited in its own transaction.
extension UserDirectory {
    /// Every account, by id.
    func accounts() async throws -> [UserAccount] {
        try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, roles, disabled FROM gw_user ORDER BY id").map(Self.account)
        }
    }

    /// Creates `user` with a new one-time password; nil when the id is taken.
    func create(_ user: GatewayUser, by admin: UserID, at now: Date) async throws -> OneTimePassword? {
        let password = String(Secret.make().prefix(16))
        let hash = try await hasher.hash(password)
        return try await store.pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM gw_user WHERE id = ?", arguments: [user.id.rawValue]) == 0 else { return nil }
            try db.execute(
                sql: "INSERT INTO gw_user (id, name, roles, password_hash) VALUES (?, ?, ?, ?)",
                arguments: [user.id.rawValue, user.name, user.roles.map(\.rawValue).joined(separator: ","), hash])
            try AuditLog.record(.init(at: now, user: admin, action: "user.create", target: user.id.rawValue, outcome: "accepted"), in: db)
            return OneTimePassword(user: UserAccount(id: user.id, name: user.name, roles: user.roles, disabled: false), password: password)
        }
    }

    /// Gives `id` a new one-time password and signs them out everywhere; nil for an unknown user.
    func resetPassword(_ id: UserID, by admin: UserID, at now: Date) async throws -> OneTimePassword? {
        let password = String(Secret.make().prefix(16))
        let hash = try await hasher.hash(password)
        return try await store.pool.write { db in
            try db.execute(sql: "UPDATE gw_user SET password_hash = ? WHERE id = ?", arguments: [hash, id.rawValue])
            guard db.changesCount == 1 else { return nil }
            try Self.revokeAccess(of: id, in: db)
            try AuditLog.record(.init(at: now, user: admin, action: "user.password_reset", target: id.rawValue, outcome: "accepted"), in: db)
            return try Self.account(id, in: db).map { OneTimePassword(user: $0, password: password) }
        }
    }

    /// Disables (revoking every session and token) or enables `id`; nil for an unknown user.
    func setDisabled(_ disabled: Bool, _ id: UserID, by admin: UserID, at now: Date) async throws -> UserAccount? {
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE gw_user SET disabled = ? WHERE id = ?", arguments: [disabled, id.rawValue])
            guard db.changesCount == 1 else { return nil }
            if disabled { try Self.revokeAccess(of: id, in: db) }
            try AuditLog.record(
                .init(at: now, user: admin, action: disabled ? "user.disable" : "user.enable", target: id.rawValue, outcome: "accepted"), in: db)
            return try Self.account(id, in: db)
        }
    }

    private static func revokeAccess(of id: UserID, in db: Database) throws {
        try db.execute(sql: "DELETE FROM gw_session WHERE user = ?", arguments: [id.rawValue])
        try db.execute(sql: "DELETE FROM gw_token WHERE user = ?", arguments: [id.rawValue])
    }

    private static func account(_ id: UserID, in db: Database) throws -> UserAccount? {
        try Row.fetchOne(db, sql: "SELECT id, name, roles, disabled FROM gw_user WHERE id = ?", arguments: [id.rawValue]).map(account)
    }

    private static func account(_ row: Row) -> UserAccount {
        UserAccount(
            id: UserID(rawValue: row["id"]), name: row["name"],
            roles: (row["roles"] as String).split(separator: ",").map { Role(rawValue: String($0)) }, disabled: row["disabled"])
    }
}
