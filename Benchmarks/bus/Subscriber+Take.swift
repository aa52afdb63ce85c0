import Bus

extension Subscriber {
    /// Iterates until seq `count` was delivered, checking every seq; gives up (closing the subscriber)
    /// after `seconds`, returning an incomplete check.
    func take(_ count: Int, within seconds: Double) async throws -> SeqCheck {
        let watchdog = Task { [self] in
            try await Task.sleep(for: .seconds(seconds))
            close()
        }
        defer { watchdog.cancel() }
        var check = SeqCheck()
        for try await delivery in self {
            check.saw(delivery.seq)
            if check.next > UInt64(count) { break }
        }
        return check
    }
}
