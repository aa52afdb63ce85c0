import Testing
import ZeroMQ

@Suite struct MessagePropertyTests {
    @Test func aReceivedFrameCarriesItsConnectionsPropertiesAndNothingElse() throws {
        let context = try Context()
        let router = try Socket(context, .router)
        try router.bind("tcp://127.0.0.1:*")
        let dealer = try Socket(context, .dealer)
        try dealer.connect(try router.lastEndpoint)
        try dealer.send(Array("hello".utf8))
        try router.setReceiveTimeout(milliseconds: 5000)
        var identity = Message()
        #expect(try identity.receive(from: router))
        var frame = Message()
        #expect(try frame.receive(from: router))
        #expect(frame.property("Peer-Address") == "127.0.0.1")
        #expect(frame.property("User-Id") == nil)
        #expect(frame.property("No-Such-Property") == nil)
        dealer.close()
        router.close()
    }
}
