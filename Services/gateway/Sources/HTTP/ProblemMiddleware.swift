import Hummingbird
import Logging
import ServiceKit

/// Makes every failure of the gateway's routes problem+json: a ``GatewayProblem`` answers as itself, Hummingbird's
/// own `HTTPError`s (unknown route, bad method…) keep their status, and anything else is logged and answered 500
/// without its details.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as GatewayProblem {
            return problem.response
        } catch let error as HTTPError {
            return GatewayProblem(
                type: "http-\(error.status.code)", title: error.status.reasonPhrase, status: error.status.code,
                detail: error.body ?? error.status.reasonPhrase
            ).response
        } catch {
            logger.error("request failed", metadata: ["http.path": "\(request.uri.path)", LogKey.error: "\(error)"])
            return GatewayProblem.internalError().response
        }
    }
}
