import Bus
import Contracts
import Foundation

/// How `tail` and `replay` show one record: a line a person can read, or the raw JSON.
enum EventLine {
    static func render(_ delivery: Delivery, json: Bool) -> String {
        if json { return String(decoding: delivery.payload, as: UTF8.self) }
        let seq = String(delivery.seq).leftPadded(to: 8)
        do {
            let header = try EnvelopeHeader.decode(Data(delivery.payload), topic: delivery.topic)
            let subject = header.subject.map { "\($0)" } ?? "-"
            return "\(seq)  \(RFC3339.string(from: header.time))  \(delivery.topic)  subject=\(subject)  source=\(header.source)  id=\(header.id.uuidString.lowercased())"
        } catch {
            return "\(seq)  \(delivery.topic)  (not a Marquee envelope: \(error.reason.rawValue), \(delivery.payload.count) bytes)"
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
