import Testing
import ZeroMQ

@Suite struct MailboxTests {
    @Test func aPostWakesAPollingLoopAndDrainReturnsItemsInOrder() throws {
        let mailbox = try Mailbox<Int>()
        let poller = Poller()
        let item = poller.add(fd: mailbox.fileDescriptor, .readable)
        #expect(try poller.poll(timeoutMilliseconds: 0) == 0)
        mailbox.post(1)
        mailbox.post(2)
        #expect(try poller.poll(timeoutMilliseconds: 1000) == 1)
        #expect(poller.isReadable(item))
        #expect(mailbox.drain() == [1, 2])
        #expect(try poller.poll(timeoutMilliseconds: 0) == 0)
    }

    @Test func postsFromManyTasksAllArrive() async throws {
        let mailbox = try Mailbox<Int>()
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask { for value in 0..<500 { mailbox.post(task * 1000 + value) } }
            }
        }
        #expect(Set(mailbox.drain()).count == 4000)
    }

    @Test func monitorReportsTheConnection() throws {
        let context = try Context()
        let server = try Socket(context, .router)
        try server.bind("tcp://127.0.0.1:*")
        let client = try Socket(context, .dealer)
        let monitor = try client.monitor(context: context)
        try client.connect(try server.lastEndpoint)
        try monitor.socket.setReceiveTimeout(milliseconds: 5000)
        var kinds: [MonitorEvent.Kind] = []
        while !kinds.contains(.handshakeSucceeded), let event = try monitor.receive() {
            kinds.append(event.kind)
            #expect(event.endpoint == (try server.lastEndpoint))
        }
        #expect(kinds.contains(.connected))
        #expect(kinds.contains(.handshakeSucceeded))
    }
}
