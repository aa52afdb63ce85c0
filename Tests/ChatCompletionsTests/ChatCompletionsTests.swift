import Assistant
import ChatCompletions
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// What the fake server saw: the bodies and authorization headers of every call.
actor Recorder {
    var bodies: [String] = []
    var authorizations: [String?] = []
    func record(body: String, authorization: String?) {
        bodies.append(body)
        authorizations.append(authorization)
    }
}

/// A small local server speaking the chat-completions API. The user message picks its behaviour: "slow"
/// answers after 20 s, "broken" with 500, "garbage" with a non-JSON body; anything else routes to the status
/// of Spring Sale.
func chatServer(_ recorder: Recorder) -> some ApplicationProtocol {
    let router = Router()
    router.post("v1/chat/completions") { request, _ -> Response in
        let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
        await recorder.record(body: body, authorization: request.headers[.authorization])
        if body.contains("slow") { try await Task.sleep(for: .seconds(20)) }
        if body.contains("broken") { return Response(status: .internalServerError) }
        let content =
            body.contains("garbage")
            ? "not json" : #"{"choices":[{"message":{"role":"assistant","content":"{\"intent\": \"status\", \"campaign\": \"Spring Sale\"}"}}]}"#
        return Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: content)))
    }
    return Application(router: router)
}

@Suite struct ChatCompletionsTests {
    /// A timeout no loaded test machine reaches (the timeout itself has its own test).
    func model(port: Int, timeout: TimeInterval = 60) -> ChatCompletionsModel {
        ChatCompletionsModel(baseURL: URL(string: "http://127.0.0.1:\(port)/v1")!, model: "tiny", apiKey: "k-1", timeout: timeout)
    }

    @Test func sendsTheChatRequestAndReadsTheFirstChoice() async throws {
        let recorder = Recorder()
        try await chatServer(recorder).test(.live) { client in
            let port = try #require(client.port)
            let reply = try await model(port: port).complete(system: "route", user: "how is the spring thing going")
            #expect(reply == #"{"intent": "status", "campaign": "Spring Sale"}"#)
            let body = try #require(await recorder.bodies.first)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(json["model"] as? String == "tiny")
            let messages = try #require(json["messages"] as? [[String: String]])
            #expect(messages == [["role": "system", "content": "route"], ["role": "user", "content": "how is the spring thing going"]])
            #expect(await recorder.authorizations == ["Bearer k-1"])
        }
    }

    @Test func theModelUnderstandsFreeTextTheRulesDoNot() async throws {
        try await chatServer(Recorder()).test(.live) { client in
            let interpreter = IntentInterpreter(model: model(port: try #require(client.port)))
            let (intent, source) = await interpreter.intent(of: "how is the spring thing going")
            #expect(intent == .status(campaign: "Spring Sale") && source == .model)
            let (ruled, ruledSource) = await interpreter.intent(of: "who approves Spring Sale")
            #expect(ruled == .approvers(campaign: "Spring Sale") && ruledSource == .rules)
        }
    }

    @Test(arguments: ["broken please", "garbage please"])
    func errorsFallBackToTheRules(_ message: String) async throws {
        try await chatServer(Recorder()).test(.live) { client in
            let interpreter = IntentInterpreter(model: model(port: try #require(client.port)))
            let (intent, source) = await interpreter.intent(of: message)
            #expect(intent == .intake && source == .fallback)
        }
    }

    @Test func aSlowModelTimesOutAndFallsBack() async throws {
        try await chatServer(Recorder()).test(.live) { client in
            let slow = model(port: try #require(client.port), timeout: 0.5)
            let started = ContinuousClock.now
            await #expect(throws: ChatCompletionsError.timedOut) { try await slow.complete(system: "s", user: "slow") }
            // Well before the server's 20 s, with room for a loaded machine's scheduling.
            #expect(ContinuousClock.now - started < .seconds(12))
            let (intent, source) = await IntentInterpreter(model: slow).intent(of: "slow please")
            #expect(intent == .intake && source == .fallback)
        }
    }

    @Test func anUnreachableEndpointFallsBack() async throws {
        let nowhere = ChatCompletionsModel(baseURL: URL(string: "http://127.0.0.1:9/v1")!, model: "tiny", timeout: 1)
        let (intent, source) = await IntentInterpreter(model: nowhere).intent(of: "hello there")
        #expect(intent == .intake && source == .fallback)
    }
}
