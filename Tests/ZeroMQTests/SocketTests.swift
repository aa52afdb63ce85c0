import Testing
import ZeroMQ

@Suite struct SocketTests {
    let context: Context

    init() throws {
        context = try Context()
    }

    @Test func multipartMessagesArriveWholeAndInOrder() throws {
        let (a, b) = try pair("inproc://multipart")
        let frames: [[UInt8]] = [Array("campaign.intake.held".utf8), [], [0, 1, 2, 255], Array(repeating: 7, count: 100_000)]
        try a.send(multipart: frames)
        #expect(try b.receiveMultipart() == frames)
    }

    @Test func nonBlockingReceiveReturnsNilWhenNothingWaits() throws {
        let (_, b) = try pair("inproc://empty")
        #expect(try b.receiveMultipart(dontWait: true) == nil)
        #expect(try b.receive(dontWait: true) == nil)
    }

    @Test func routerSeesTheDealersRoutingIDAndCanAnswerIt() throws {
        let router = try Socket(context, .router)
        try router.bind("tcp://127.0.0.1:*")
        let dealer = try Socket(context, .dealer)
        try dealer.setRoutingID(Array("publisher-1".utf8))
        try dealer.connect(try router.lastEndpoint)
        try dealer.send(multipart: [Array("hello".utf8)])
        let request = try #require(try router.receiveMultipart())
        #expect(request == [Array("publisher-1".utf8), Array("hello".utf8)])
        try router.send(multipart: [request[0], Array("ack".utf8)])
        #expect(try dealer.receiveMultipart() == [Array("ack".utf8)])
    }

    @Test func bindingPortZeroResolvesARealPort() throws {
        let socket = try Socket(context, .router)
        try socket.bind("tcp://127.0.0.1:*")
        let endpoint = try socket.lastEndpoint
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:"))
        #expect(!endpoint.hasSuffix(":*"))
    }

    @Test func failuresCarryLibzmqsSentence() throws {
        let socket = try Socket(context, .dealer)
        let error = try #require(throws: ZMQError.self) { try socket.connect("nonsense://nowhere") }
        #expect(error.operation.contains("zmq_connect"))
        #expect(error.message == "Protocol not supported")
        #expect("\(error)".contains("Protocol not supported"))
    }

    @Test func publishSubscribeFiltersByTopicPrefix() throws {
        let publisher = try Socket(context, .publish)
        try publisher.bind("inproc://prefix")
        let subscriber = try Socket(context, .subscribe)
        try subscriber.subscribe(Array("campaign.".utf8))
        try subscriber.connect("inproc://prefix")
        try subscriber.setReceiveTimeout(milliseconds: 2000)
        // inproc subscriptions are registered synchronously once connected; still, resend until one arrives.
        var received: [[UInt8]]?
        for _ in 0..<200 where received == nil {
            try publisher.send(multipart: [Array("qa.check.done".utf8), [1]])
            try publisher.send(multipart: [Array("campaign.intake.held".utf8), [2]])
            received = try subscriber.receiveMultipart(dontWait: true)
        }
        #expect(received == [Array("campaign.intake.held".utf8), [2]])
    }

    @Test func messageSlotsHandFramesOnWithoutLosingBytes() throws {
        let (a, b) = try pair("inproc://slots-in")
        let (c, d) = try pair("inproc://slots-out")
        let slots = MessageSlots(capacity: 2)
        try a.send(multipart: [Array("topic".utf8), Array("payload".utf8)])
        #expect(try slots.receive(0, from: b, dontWait: false))
        #expect(slots.more(0))
        #expect(try slots.receive(1, from: b, dontWait: false))
        #expect(!slots.more(1))
        #expect(Array(slots.bytes(0)) == Array("topic".utf8))
        try slots.send(0, to: c, more: true)
        try slots.send(1, to: c, more: false)
        #expect(slots.bytes(0).isEmpty)
        #expect(try d.receiveMultipart() == [Array("topic".utf8), Array("payload".utf8)])
    }

    private func pair(_ endpoint: String) throws -> (Socket, Socket) {
        let a = try Socket(context, .pair)
        try a.bind(endpoint)
        let b = try Socket(context, .pair)
        try b.connect(endpoint)
        return (a, b)
    }
}
