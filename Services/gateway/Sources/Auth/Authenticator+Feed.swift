import GRDB
import Hummingbird
import ServiceKit

extension Authenticator {
    /// The reader of a feed calendar apps poll: the usual credentials, or an API token in `?token=` (apps cannot
    /// send headers). Only read-only routes call this.
    func feedReader(of request: Request) async throws -> Actor {
        if let token = request.uri.queryParameters["token"], request.headers[.authorization] == nil {
            let secret = String(token)
            guard let user = try await store.pool.read({ db in try SessionStore.tokenUser(secret, in: db) }) else {
                throw GatewayProblem.unauthenticated("the feed token is unknown or revoked")
            }
            return Actor(user: user, credential: .token)
        }
        return try await reader(of: request)
    }
}
