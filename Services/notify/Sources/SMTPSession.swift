import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One SMTP session over a NIO channel (RFC 5321): greeting, `EHLO`, `STARTTLS` (the TLS handler is put in
/// front of the pipeline after the server's 220, then `EHLO` again), `AUTH PLAIN` or `AUTH LOGIN`, then any
/// number of `MAIL FROM` / `RCPT TO` / `DATA` transactions, `QUIT`. Used only inside
/// ``SMTPChannel/withSession(_:)``'s scope, on one task.
struct SMTPSession {
    let channel: any Channel
    var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    var pending = ""
    var lines: [String] = []

    /// Sends `command` (without CRLF) and reads the reply.
    mutating func command(_ command: String) async throws -> SMTPReply {
        try await outbound.write(ByteBuffer(string: command + "\r\n"))
        return try await reply()
    }

    /// Reads the next reply.
    mutating func reply() async throws -> SMTPReply {
        while true {
            if let reply = try SMTPReply.take(from: &lines) { return reply }
            guard var buffer = try await inbound.next() else { throw DeliveryFailure("SMTP server closed the connection") }
            pending += buffer.readString(length: buffer.readableBytes) ?? ""
            while let end = pending.range(of: "\r\n") {
                lines.append(String(pending[..<end.lowerBound]))
                pending.removeSubrange(..<end.upperBound)
            }
            guard pending.utf8.count < 64 * 1024 else { throw DeliveryFailure("SMTP reply line too long") }
        }
    }

    /// `reply` when its code is `expected`; else a failure, permanent for a 5xx.
    static func expect(_ reply: SMTPReply, _ expected: Int, during step: String) throws -> SMTPReply {
        guard reply.code == expected else {
            throw DeliveryFailure(
                "SMTP \(step): \(reply.code) \(reply.lines.joined(separator: " "))", permanent: reply.isPermanentFailure)
        }
        return reply
    }

    /// Greeting, EHLO, STARTTLS when `tls` is given, EHLO again, and AUTH when `credentials` are given.
    mutating func open(helo: String, tls: (context: NIOSSLContext, host: String)?, credentials: (String, Secret)?) async throws {
        _ = try Self.expect(try await reply(), 220, during: "greeting")
        var ehlo = try Self.expect(try await command("EHLO \(helo)"), 250, during: "EHLO")
        if let tls {
            guard ehlo.extensions.contains("STARTTLS") else {
                throw DeliveryFailure("SMTP server does not offer STARTTLS (security: starttls)")
            }
            _ = try Self.expect(try await command("STARTTLS"), 220, during: "STARTTLS")
            guard lines.isEmpty, pending.isEmpty else { throw DeliveryFailure("SMTP server sent data before TLS started") }
            let channel = channel
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(
                    try NIOSSLClientHandler(context: tls.context, serverHostname: tls.host.isIPAddress ? nil : tls.host),
                    position: .first)
            }.get()
            ehlo = try Self.expect(try await command("EHLO \(helo)"), 250, during: "EHLO after STARTTLS")
        }
        if let credentials {
            let (username, password) = credentials
            if ehlo.offersAuth("PLAIN") {
                let token = Data("\0\(username)\0\(password.value)".utf8).base64EncodedString()
                _ = try Self.expect(try await command("AUTH PLAIN \(token)"), 235, during: "AUTH PLAIN")
            } else if ehlo.offersAuth("LOGIN") {
                _ = try Self.expect(try await command("AUTH LOGIN"), 334, during: "AUTH LOGIN")
                _ = try Self.expect(try await command(Data(username.utf8).base64EncodedString()), 334, during: "AUTH LOGIN")
                _ = try Self.expect(
                    try await command(Data(password.value.utf8).base64EncodedString()), 235, during: "AUTH LOGIN")
            } else {
                throw DeliveryFailure("SMTP server offers neither AUTH PLAIN nor AUTH LOGIN")
            }
        }
    }

    /// One mail transaction; after a refusal the transaction is reset so the session can go on.
    mutating func send(_ message: EmailMessage) async throws {
        do {
            _ = try Self.expect(try await command("MAIL FROM:<\(message.envelopeFrom)>"), 250, during: "MAIL FROM")
            let rcpt = try await command("RCPT TO:<\(EmailMessage.address(in: message.to))>")
            guard rcpt.code == 250 || rcpt.code == 251 else {
                throw DeliveryFailure(
                    "SMTP RCPT TO: \(rcpt.code) \(rcpt.lines.joined(separator: " "))", permanent: rcpt.isPermanentFailure)
            }
            _ = try Self.expect(try await command("DATA"), 354, during: "DATA")
            try await outbound.write(ByteBuffer(string: EmailMessage.dotStuffed(message.rendered())))
            _ = try Self.expect(try await reply(), 250, during: "end of DATA")
        } catch let failure as DeliveryFailure where failure.permanent {
            _ = try await command("RSET")
            throw failure
        }
    }
}

extension String {
    /// Whether this is an IPv4 or IPv6 literal (TLS sends no SNI for those).
    var isIPAddress: Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, self, &v4) == 1 || inet_pton(AF_INET6, self, &v6) == 1
    }
}
