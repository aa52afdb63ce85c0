import Domain
import Foundation
import GRDB
import ServiceKit

/// The gateway's users (`gw_user`): seeded once from the rules' people plus an administrator, each with a
/// random one-time password that is shown once and stored only as a bcrypt hash.
public struct UserDirectory: Sendable {
    let store: ServiceStore
    let hasher: PasswordHasher

    public init(store: ServiceStore, hasher: PasswordHasher) {
        self.store = store
        self.hasher = hasher
    }

    /// The administrator's id.
    public static let adminID: UserID = "admin"

    /// On an empty user table: creates `admin` and one user per person of `people`, and returns each with its
    /// one-time password (to print once), hashed side by side on NIO's thread pool. Returns nothing when users exist already.
    public func seedIfEmpty(people: [Person]) async throws -> [(user: GatewayUser, password: String)] {
        guard try await store.pool.read({ db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM gw_user") ?? 0 }) == 0 else {
            return []
        }
        let users = [GatewayUser(id: Self.adminID, name: "Administrator", roles: [.admin])]
            + people.map { GatewayUser(id: $0.id, name: $0.name, roles: $0.roles) }
        let hasher = hasher
        let seeded = try await withThrowingTaskGroup(of: (user: GatewayUser, password: String, hash: String).self) { group in
            for user in users {
                let password = String(Secret.make().prefix(16))
                group.addTask { (user, password, try await hasher.hash(password)) }
            }
            let byID = try await group.reduce(into: [UserID: (user: GatewayUser, password: String, hash: String)]()) { $0[$1.user.id] = $1 }
            return users.compactMap { byID[$0.id] }
        }
        try await store.pool.write { [seeded] db in
            for (user, _, hash) in seeded {
                try db.execute(
                    sql: "INSERT INTO gw_user (id, name, roles, password_hash) VALUES (?, ?, ?, ?)",
                    arguments: [user.id.rawValue, user.name, user.roles.map(\.rawValue).joined(separator: ","), hash])
            }
        }
        return seeded.map { ($0.user, $0.password) }
    }

    /// The user `id` when `password` is theirs; nil otherwise (unknown user or wrong password alike).
    func verify(id: String, password: String) async throws -> GatewayUser? {
        guard let (user, hash) = try await store.pool.read({ db in try Self.load(UserID(rawValue: id), in: db) }) else {
            _ = try await hasher.verify(password, against: hasher.decoy)  // the same time for an unknown user
            return nil
        }
        return try await hasher.verify(password, against: hash) ? user : nil
    }

    /// The user `id` and their password hash; nil for an unknown or disabled user.
    static func load(_ id: UserID, in db: Database) throws -> (GatewayUser, String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM gw_user WHERE id = ? AND NOT disabled", arguments: [id.rawValue]) else { return nil }
        let roles = (row["roles"] as String).split(separator: ",").map { Role(rawValue: String($0)) }
        return (GatewayUser(id: id, name: row["name"], roles: roles), row["password_hash"])
    }
}
