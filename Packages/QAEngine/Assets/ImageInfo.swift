import Domain

/// A raster image format QA can read headers of. Wire values: `"png"`, `"jpeg"`, `"gif"`, `"webp"`.
public enum ImageFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case png
    case jpeg
    case gif
    case webp

    /// The matching Domain asset format; WebP has none (no channel spec accepts it).
    public var assetFormat: AssetFormat? {
        switch self {
        case .png: .png
        case .jpeg: .jpg
        case .gif: .gif
        case .webp: nil
        }
    }

    /// The format a file name's extension claims, if it names one of these.
    init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "png": self = .png
        case "jpg", "jpeg", "jpe": self = .jpeg
        case "gif": self = .gif
        case "webp": self = .webp
        default: return nil
        }
    }
}

/// What an image file's header says. Wire keys: `format`, `width`, `height`, `bytes`.
public struct ImageInfo: Sendable, Hashable, Codable {
    /// The format found in the file's signature.
    public var format: ImageFormat
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// File size in bytes.
    public var bytes: Int

    /// Creates image facts.
    public init(format: ImageFormat, width: Int, height: Int, bytes: Int) {
        self.format = format
        self.width = width
        self.height = height
        self.bytes = bytes
    }

    /// The pixel size, as Domain's asset needs and channel specs state it.
    public var size: PixelSize { PixelSize(width: width, height: height) }

    private enum CodingKeys: String, CodingKey {
        case format
        case width
        case height
        case bytes
    }
}
