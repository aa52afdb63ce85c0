import Domain
import Foundation

/// Reads asset needs from chat text: "Instagram 1080x1080 png, email 600x400 jpg". Each need names a
/// channel and a pixel size; the format defaults to PNG when none is named.
public enum AssetNeedParser {
    /// Every asset need in `text`, in order.
    public static func parse(_ text: String) -> [AssetNeed] {
        let segments = text.lowercased().split { ",;\n".contains($0) }.flatMap { $0.components(separatedBy: " and ") }
        return segments.compactMap { segment in
            guard let size = TextPattern("\\b(\\d{2,5})\\s?[x×]\\s?(\\d{2,5})\\b").firstMatch(in: segment),
                let width = Int(size[0] ?? ""), let height = Int(size[1] ?? ""),
                let channel = ChannelParser.parse(segment).first
            else { return nil }
            let format = AssetFormat.allCases.first { TextPattern("\\b\($0 == .jpg ? "jpe?g" : $0.rawValue)\\b").occurs(in: segment) } ?? .png
            return AssetNeed(channel: channel, format: format, size: PixelSize(width: width, height: height))
        }
    }
}
