/// Why a channel could not deliver: `permanent` failures (a refused recipient, a 4xx answer) are not retried.
public struct DeliveryFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var permanent: Bool
    public var message: String

    public init(_ message: String, permanent: Bool = false) {
        self.message = message
        self.permanent = permanent
    }

    public var description: String { message }
}
