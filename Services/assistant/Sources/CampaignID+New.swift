import Domain
import Foundation

extension CampaignID {
    /// A new id `cmp-YYYYMMDD-xxxxxx` (UTC day, 6 random characters without look-alikes), as the gateway makes.
    static func new(at now: Date) -> CampaignID {
        let day = Day(containing: now, in: TimeZone(identifier: "UTC") ?? .current).iso.replacingOccurrences(of: "-", with: "")
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return CampaignID(rawValue: "cmp-\(day)-" + String((0..<6).map { _ in alphabet.randomElement(using: &generator) ?? "x" }))
    }
}
