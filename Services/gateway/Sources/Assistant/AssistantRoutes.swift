import Contracts
import Domain
import Hummingbird

/// `POST /api/assistant` `{"text", "conversation_id"?}` — a signed-in user's message to marquee-assistant
/// (``AssistantChat``): the gateway sends the user and their roles itself, so a body naming another `user` or any
/// `roles` is refused (403). Answers the exchange: `conversation_id`, `at`, `text`, `reply`, `intent`, and the
/// assistant's `question` and `campaign_id` when it gave them.
struct AssistantRoutes: Sendable {
    let chat: AssistantChat
    let auth: Authenticator

    /// The largest body accepted.
    static let maxBodyBytes = 64 << 10

    func add(to router: Router<BasicRequestContext>) {
        router.post("api/assistant") { request, _ in try await message(request) }
    }

    func message(_ request: Request) async throws -> Response {
        let actor = try await auth.writer(of: request)
        let body = try await BodyDecoding.object(of: request, upTo: Self.maxBodyBytes)
        if let user = body["user"], user != .string(actor.user.id.rawValue) {
            throw GatewayProblem.forbidden("#/user must be you (\(actor.user.id)) or left out")
        }
        if body["roles"] != nil {
            throw GatewayProblem.forbidden("#/roles is not accepted: the gateway sends the roles you hold")
        }
        var errors: [GatewayProblem.FieldError] = []
        func string(_ key: String) -> String? {
            switch body[key] {
            case .string(let value)?: return value
            case nil, .null?: return nil
            default:
                errors.append(.init(pointer: "#/\(key)", detail: "must be a string"))
                return nil
            }
        }
        let (text, conversation) = (string("text"), string("conversation_id"))
        guard errors.isEmpty else {
            throw GatewayProblem.badRequest("the body must be {\"text\", \"conversation_id\"?}", errors: errors)
        }
        return try JSONResponse.make(try await chat.ask(text ?? "", conversation: conversation, as: actor))
    }
}
