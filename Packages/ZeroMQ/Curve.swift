import CZMQ

/// A CURVE key pair in Z85 text (40 characters each), as ZeroMQ's CurveZMQ security uses.
public struct CurveKeyPair: Sendable, Equatable {
    public let publicKey: String
    public let secretKey: String

    public init(publicKey: String, secretKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// A fresh random key pair (`zmq_curve_keypair`; needs libzmq built with CURVE).
    public static func generate() throws -> CurveKeyPair {
        var publicKey = [CChar](repeating: 0, count: 41)
        var secretKey = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&publicKey, &secretKey) == 0 else { throw ZMQError.last("zmq_curve_keypair") }
        return CurveKeyPair(publicKey: string(publicKey), secretKey: string(secretKey))
    }

    /// The pair whose secret key is `secretKey` (`zmq_curve_public` derives the public half).
    public static func derive(secretKey: String) throws -> CurveKeyPair {
        guard secretKey.utf8.count == 40 else {
            throw ZMQError(code: EINVAL, operation: "zmq_curve_public: a Z85 secret key has 40 characters")
        }
        var publicKey = [CChar](repeating: 0, count: 41)
        guard zmq_curve_public(&publicKey, secretKey) == 0 else { throw ZMQError.last("zmq_curve_public") }
        return CurveKeyPair(publicKey: string(publicKey), secretKey: secretKey)
    }

    private static func string(_ chars: [CChar]) -> String {
        String(decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// ZeroMQ's Z85 text encoding of binary data (RFC 32/Z85): 4 bytes become 5 printable characters.
public enum Z85 {
    /// Encodes `bytes`, whose count must be a multiple of 4.
    public static func encode(_ bytes: [UInt8]) throws -> String {
        guard bytes.count % 4 == 0 else {
            throw ZMQError(code: EINVAL, operation: "zmq_z85_encode: length must be a multiple of 4")
        }
        var text = [CChar](repeating: 0, count: bytes.count * 5 / 4 + 1)
        guard zmq_z85_encode(&text, bytes, bytes.count) != nil else { throw ZMQError.last("zmq_z85_encode") }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Decodes Z85 `text`, whose length must be a multiple of 5.
    public static func decode(_ text: String) throws -> [UInt8] {
        guard text.utf8.count % 5 == 0 else {
            throw ZMQError(code: EINVAL, operation: "zmq_z85_decode: length must be a multiple of 5")
        }
        var bytes = [UInt8](repeating: 0, count: text.utf8.count * 4 / 5)
        guard zmq_z85_decode(&bytes, text) != nil else {
            throw ZMQError(code: EINVAL, operation: "zmq_z85_decode: not Z85 text")
        }
        return bytes
    }
}
