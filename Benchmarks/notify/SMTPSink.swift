import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A minimal SMTP server on loopback that accepts every message and counts it: the benchmark's sink.
final class SMTPSink: Sendable {
    let accepted = Atomic<Int>(0)

    /// Starts listening on a free loopback port; returns the port.
    func start(group: any EventLoopGroup) async throws -> (port: Int, channel: any Channel) {
        let channel = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(SinkHandler(sink: self)) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return (channel.localAddress?.port ?? 0, channel)
    }
}

/// One SMTP connection of the sink: answers every command positively and counts each message's end of data.
final class SinkHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let sink: SMTPSink
    var pending = ""
    var inData = false

    init(sink: SMTPSink) { self.sink = sink }

    func channelActive(context: ChannelHandlerContext) {
        reply("220 sink ESMTP", context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readString(length: buffer.readableBytes) ?? ""
        while let end = pending.range(of: "\r\n") {
            let line = String(pending[..<end.lowerBound])
            pending.removeSubrange(..<end.upperBound)
            handle(line, context: context)
        }
    }

    private func handle(_ line: String, context: ChannelHandlerContext) {
        if inData {
            guard line == "." else { return }
            inData = false
            sink.accepted.add(1, ordering: .relaxed)
            return reply("250 queued", context: context)
        }
        switch line.prefix(4).uppercased() {
        case "EHLO": reply("250-sink\r\n250 8BITMIME", context: context)
        case "DATA":
            inData = true
            reply("354 go ahead", context: context)
        case "QUIT":
            reply("221 bye", context: context)
            context.close(promise: nil)
        default: reply("250 ok", context: context)
        }
    }

    private func reply(_ text: String, context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
    }
}
