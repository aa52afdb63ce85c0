import Foundation
import Hummingbird
import NIOCore

@testable import GatewayService

/// A small stand-in for marquee-assistant's `POST /assistant`, recording every body it receives. The text picks its
/// behaviour: "slow" answers after 3 s, "broken" with 500, "garbage" with a body that is no answer; anything else
/// gets `{"reply": "You said: <text>", "intent": "intake", "question": {"slot": {"_0": "goal"}}}`.
actor FakeAssistant {
    /// The messages received, read as marquee-assistant reads them.
    private(set) var messages: [AssistantMessage] = []
    /// The `Authorization` header of each message (nil: none).
    private(set) var authorizations: [String?] = []

    func record(_ body: ByteBuffer, authorization: String?) throws {
        messages.append(try JSONDecoder().decode(AssistantMessage.self, from: Data(body.readableBytesView)))
        authorizations.append(authorization)
    }

    /// The application to run live (`.test(.live)`).
    nonisolated func application() -> some ApplicationProtocol {
        let router = Router()
        router.post("assistant") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            try await self.record(body, authorization: request.headers[.authorization])
            let text = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])?["text"] as? String ?? ""
            if text.contains("slow") { try await Task.sleep(for: .seconds(3)) }
            if text.contains("broken") { return Response(status: .internalServerError) }
            let answer =
                text.contains("garbage")
                ? #"{"not": "an answer"}"#
                : String(
                    decoding: try JSONSerialization.data(withJSONObject: [
                        "reply": "You said: \(text)", "intent": "intake", "question": ["slot": ["_0": "goal"]],
                    ]), as: UTF8.self)
            return Response(
                status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: answer)))
        }
        return Application(router: router)
    }
}
