import Foundation

/// What a channel accepts for assets. YAML/wire keys: `formats`, `sizes`, `max_bytes`.
public struct ChannelSpec: Sendable, Hashable, Codable {
    /// Accepted file formats.
    public var formats: [AssetFormat]
    /// Accepted pixel sizes; empty means any size.
    public var sizes: [PixelSize]
    /// Largest accepted file, if limited.
    public var maxBytes: Int?

    /// Creates a spec.
    public init(formats: [AssetFormat], sizes: [PixelSize] = [], maxBytes: Int? = nil) {
        self.formats = formats
        self.sizes = sizes
        self.maxBytes = maxBytes
    }

    /// What in `need` the channel does not accept; empty when it fits.
    public func problems(with need: AssetNeed) -> [AssetSpecProblem] {
        var problems: [AssetSpecProblem] = []
        if !formats.contains(need.format) { problems.append(.formatNotAccepted(need.format)) }
        if !sizes.isEmpty, !sizes.contains(need.size) { problems.append(.sizeNotAccepted(need.size)) }
        return problems
    }

    private enum CodingKeys: String, CodingKey {
        case formats
        case sizes
        case maxBytes = "max_bytes"
    }
}

/// Why an asset need does not fit its channel's spec.
public enum AssetSpecProblem: Sendable, Hashable {
    /// No spec is configured for the channel.
    case channelWithoutSpec(Channel)
    /// The channel does not take this format.
    case formatNotAccepted(AssetFormat)
    /// The channel does not take this size.
    case sizeNotAccepted(PixelSize)
}

extension Rules {
    /// Checks `need` against the configured spec of its channel.
    public func problems(with need: AssetNeed) -> [AssetSpecProblem] {
        guard let spec = channelSpecs[need.channel] else { return [.channelWithoutSpec(need.channel)] }
        return spec.problems(with: need)
    }
}
