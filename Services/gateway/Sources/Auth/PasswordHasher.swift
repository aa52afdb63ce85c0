import HummingbirdBcrypt
import NIOPosix

/// bcrypt (hummingbird-auth's `HummingbirdBcrypt`) on NIO's blocking thread pool, so a hash never stalls the
/// server's tasks. `cost` is bcrypt's work factor: 12 in production, 4 in tests.
public struct PasswordHasher: Sendable {
    public let cost: UInt8
    /// A hash of a random secret nobody knows, checked for unknown users so they take as long as known ones.
    let decoy: String

    /// A hasher at `cost` (4…31).
    public init(cost: UInt8 = 12) {
        self.cost = cost
        decoy = Bcrypt.hash(Secret.make(), cost: cost)
    }

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
