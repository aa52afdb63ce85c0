import Domain
import Yams

extension ConfigReader {
    /// Reads `channel_specs`: per channel the accepted formats, positive pixel sizes and a positive size limit.
    /// Channels left out have no spec, so asset needs for them are reported by the readiness check.
    mutating func readChannelSpecs(_ node: Node, at path: ConfigPath) -> [Channel: ChannelSpec] {
        var specs: [Channel: ChannelSpec] = [:]
        for entry in entries(of: node, at: path, keyedBy: Channel.self) {
            guard let spec = decode(ChannelSpec.self, from: entry.node, at: entry.path) else { continue }
            for (index, size) in spec.sizes.enumerated() where size.width <= 0 || size.height <= 0 {
                report("expected a width and height of at least 1 pixel, got \(size)", at: entry.path["sizes"][index])
            }
            if let limit = spec.maxBytes, limit <= 0 {
                report("must be more than zero, got \(limit)", at: entry.path["max_bytes"])
            }
            specs[entry.key] = spec
        }
        return specs
    }
}
