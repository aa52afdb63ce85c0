import Foundation

/// A file format of a campaign asset. Wire values are lowercase (`"png"`, `"html"`…).
public enum AssetFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case png
    case jpg
    case gif
    case svg
    case mp4
    case html
    case pdf
}

/// Pixel dimensions of an asset. Wire: `{"width": 1080, "height": 1080}`.
public struct PixelSize: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// Creates a size in pixels.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)x\(height)" }

    private enum CodingKeys: String, CodingKey {
        case width
        case height
    }
}

/// One asset a campaign needs; each becomes a design request for a designer.
///
/// Wire: `{"channel": "instagram", "format": "png", "size": {"width": 1080, "height": 1080}}`.
public struct AssetNeed: Sendable, Hashable, Codable {
    /// Where the asset is used.
    public var channel: Channel
    /// The file format to deliver.
    public var format: AssetFormat
    /// The pixel dimensions to deliver.
    public var size: PixelSize

    /// Creates an asset need.
    public init(channel: Channel, format: AssetFormat, size: PixelSize) {
        self.channel = channel
        self.format = format
        self.size = size
    }

    private enum CodingKeys: String, CodingKey {
        case channel
        case format
        case size
    }
}
