import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import ServiceKit

/// Email over SMTP with SwiftNIO: one session per batch of due messages (connect, `EHLO`, `STARTTLS` unless
/// configured `plain`, `AUTH` when a username is set), one mail transaction per message. A refused recipient
/// or message (5xx) fails that message for good and the session goes on; any other error fails the rest of
/// the batch for a retry. A server silent for `timeout` is disconnected.
public struct SMTPChannel: NotificationChannel {
    public let name = "email"
    let settings: EmailSettings
    let password: Secret?
    let tls: NIOSSLContext?
    let group: any EventLoopGroup
    let timeout: TimeAmount
    let clock: WallClock

    /// A channel to `settings`' server. Throws when the TLS configuration cannot be made (a bad trust roots file).
    public init(
        settings: EmailSettings, password: Secret?, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        timeout: TimeAmount = .seconds(30), clock: WallClock = .system
    ) throws {
        self.settings = settings
        self.password = password
        self.group = group
        self.timeout = timeout
        self.clock = clock
        switch settings.security {
        case .plain:
            tls = nil
        case .starttls:
            var configuration = TLSConfiguration.makeClientConfiguration()
            if let roots = settings.trustRootsFile { configuration.trustRoots = .file(roots) }
            tls = try NIOSSLContext(configuration: configuration)
        }
    }

    public func send(_ delivery: Delivery) async throws {
        if let failure = await send(batch: [delivery]).first ?? nil { throw failure }
    }

    public func send(batch: [Delivery]) async -> [DeliveryFailure?] {
        var results: [DeliveryFailure?] = []
        do {
            let timeout = timeout
            let channel = try await ClientBootstrap(group: group).connectTimeout(.seconds(10))
                .connect(host: settings.host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: timeout))
                        try channel.pipeline.syncOperations.addHandler(CloseOnIdle())
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            try await channel.executeThenClose { inbound, outbound in
                var session = SMTPSession(channel: channel.channel, inbound: inbound.makeAsyncIterator(), outbound: outbound)
                let credentials = settings.username.map { ($0, password ?? Secret("")) }
                try await session.open(
                    helo: settings.helo, tls: tls.map { (context: $0, host: settings.host) }, credentials: credentials)
                for delivery in batch {
                    do {
                        try await session.send(message(for: delivery))
                        results.append(nil)
                    } catch let failure as DeliveryFailure where failure.permanent {
                        results.append(failure)
                    }
                }
                do {
                    _ = try await session.command("QUIT")
                } catch {
                    // Every message is through; a server that drops the line at QUIT loses nothing.
                }
            }
        } catch {
            let failure = error as? DeliveryFailure ?? DeliveryFailure("SMTP \(settings.host):\(settings.port): \(error)")
            while results.count < batch.count { results.append(failure) }
        }
        return results
    }

    /// The email for `delivery`: its title as subject, its body, a `Message-ID` stable across attempts.
    func message(for delivery: Delivery) -> EmailMessage {
        EmailMessage(
            from: settings.from, to: delivery.address, subject: delivery.title, body: delivery.body, date: clock.now(),
            messageID: "\(delivery.deliveryID)@marquee-notify")
    }
}

/// Closes the connection when the `IdleStateHandler` before it reports a read timeout.
final class CloseOnIdle: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
