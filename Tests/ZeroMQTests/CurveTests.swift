import Testing
import ZeroMQ

@Suite struct CurveTests {
    @Test func generatedKeysAreZ85AndTheSecretDerivesThePublicKey() throws {
        let keys = try CurveKeyPair.generate()
        #expect(keys.publicKey.utf8.count == 40)
        #expect(keys.secretKey.utf8.count == 40)
        #expect(try CurveKeyPair.derive(secretKey: keys.secretKey) == keys)
        #expect(try CurveKeyPair.generate() != keys)
    }

    @Test func z85RoundTripsAndMatchesTheSpecExample() throws {
        // The test vector of ZeroMQ RFC 32.
        let bytes: [UInt8] = [0x86, 0x4F, 0xD2, 0x6F, 0xB5, 0x59, 0xF7, 0x5B]
        #expect(try Z85.encode(bytes) == "HelloWorld")
        #expect(try Z85.decode("HelloWorld") == bytes)
    }

    @Test(arguments: ["abc", "HelloWorl", "\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}"])
    func z85RefusesMalformedText(_ text: String) {
        #expect(throws: ZMQError.self) { try Z85.decode(text) }
    }

    @Test func z85RefusesLengthsNotMultipleOfFour() {
        #expect(throws: ZMQError.self) { try Z85.encode([1, 2, 3]) }
    }

    @Test func curveEncryptedSocketsTalkWhenTheServerKeyMatches() throws {
        try #require(Context.has("curve"))
        let context = try Context()
        let serverKeys = try CurveKeyPair.generate()
        let server = try Socket(context, .router)
        try server.makeCurveServer(secretKey: serverKeys.secretKey)
        try server.bind("tcp://127.0.0.1:*")
        let client = try Socket(context, .dealer)
        try client.makeCurveClient(serverKey: serverKeys.publicKey, keys: try CurveKeyPair.generate())
        try client.connect(try server.lastEndpoint)
        try client.send(multipart: [Array("secret".utf8)])
        try server.setReceiveTimeout(milliseconds: 5000)
        let frames = try #require(try server.receiveMultipart())
        #expect(frames.last == Array("secret".utf8))
    }

    @Test func aClientWithTheWrongServerKeyNeverGetsThrough() throws {
        let context = try Context()
        let server = try Socket(context, .router)
        try server.makeCurveServer(secretKey: try CurveKeyPair.generate().secretKey)
        try server.bind("tcp://127.0.0.1:*")
        let client = try Socket(context, .dealer)
        try client.makeCurveClient(serverKey: try CurveKeyPair.generate().publicKey, keys: try CurveKeyPair.generate())
        let monitor = try client.monitor(context: context)
        try client.connect(try server.lastEndpoint)
        try client.send(multipart: [Array("secret".utf8)], dontWait: true)
        try monitor.socket.setReceiveTimeout(milliseconds: 5000)
        var sawFailure = false
        while !sawFailure, let event = try monitor.receive() {
            if case .handshakeFailedProtocol = event.kind { sawFailure = true }
            if case .handshakeFailedNoDetail = event.kind { sawFailure = true }
            if case .handshakeFailedAuth = event.kind { sawFailure = true }
            if case .disconnected = event.kind { sawFailure = true }
        }
        #expect(sawFailure)
        #expect(try server.receiveMultipart(dontWait: true) == nil)
    }
}
