import Foundation

/// Where a component reads the current date: the system clock in production, a manual one in tests.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    /// A clock reading `read`.
    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    /// The system clock.
    public static let system = WallClock { Date() }

    /// The current date.
    public func now() -> Date { read() }
}
