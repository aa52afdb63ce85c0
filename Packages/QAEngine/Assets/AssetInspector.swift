import Domain
import Foundation

/// Checks asset files against channel specs from their bytes alone (PNG, JPEG, GIF, WebP headers).
///
/// ```swift
/// let report = AssetInspector.inspect(bytes: data, name: "hero@2x.png",
///                                     need: need, spec: rules.channelSpecs[need.channel], displayWidth: 600)
/// ```
public enum AssetInspector {
    /// The header facts of `bytes`, or nil when they are not a readable image.
    public static func info(of bytes: Data) -> ImageInfo? {
        bytes.withUnsafeBytes { ImageHeaderReader.read($0).info }
    }

    /// Reads `bytes` and checks them: readable and complete; extension matching content; and, when given,
    /// the channel `spec` (format, sizes, weight), the asset `need` (format, size or its 2× version) and the
    /// `displayWidth` the image is shown at (needs 2× pixels for retina screens).
    public static func inspect(
        bytes: Data, name: String, need: AssetNeed? = nil, spec: ChannelSpec? = nil, displayWidth: Int? = nil
    ) -> AssetReport {
        let (info, problems) = bytes.withUnsafeBytes { ImageHeaderReader.read($0) }
        let at = Location(path: name)
        var findings = problems.map { finding(for: $0, name: name, at: at) }
        guard let info else { return AssetReport(name: name, info: nil, findings: findings) }
        let shown = shown(info)
        if let claimed = ImageFormat(fileExtension: (name as NSString).pathExtension), claimed != info.format {
            findings.append(
                Finding(
                    .assetExtensionMismatch, at: at,
                    "\(name) is named .\((name as NSString).pathExtension) but is really a \(info.format.rawValue.uppercased()) file.",
                    fix: "Re-export it in the intended format or rename it to match."))
        }
        if let spec { findings += check(info, name: name, against: spec, on: nil) }
        if let need { findings += check(info, against: need, shown: shown, at: at) }
        if let displayWidth, displayWidth > 0, info.width < displayWidth * 2 {
            findings.append(
                Finding(
                    .imageNotRetina, at: at,
                    "\(name) is \(info.width) px wide but shown at \(displayWidth) px; it will look blurry on "
                        + "high-resolution screens.",
                    fix: "Export it at \(displayWidth * 2) px wide (2×)."))
        }
        return AssetReport(name: name, info: info, findings: findings)
    }

    /// What in `info` `spec` does not take, each finding naming `channel` ("this channel" when nil).
    static func check(_ info: ImageInfo, name: String, against spec: ChannelSpec, on channel: Channel?) -> [Finding] {
        let at = Location(path: name)
        let shown = shown(info)
        let who = channel?.displayName ?? "this channel"
        var findings: [Finding] = []
        if info.format.assetFormat.map(spec.formats.contains) != true {
            let images = Set(ImageFormat.allCases.compactMap(\.assetFormat))
            let accepted = spec.formats.filter(images.contains).map { $0.rawValue.uppercased() }
            findings.append(
                accepted.isEmpty
                    ? Finding(
                        .assetFormatNotAccepted, at: at, "\(name) is \(shown); \(who) takes no image files.",
                        fix: "Use it on a channel that takes images, or leave it out.")
                    : Finding(
                        .assetFormatNotAccepted, at: at, "\(name) is \(shown); \(who) takes \(listed(accepted)).",
                        fix: "Export it as \(listed(accepted))."))
        }
        if !spec.sizes.isEmpty, !spec.sizes.contains(info.size) {
            let sizes = listed(spec.sizes.map { "\($0.width)×\($0.height)" })
            findings.append(
                Finding(
                    .assetSizeNotAccepted, at: at, "\(name) is \(shown); \(who) takes \(sizes).",
                    fix: "Export it at \(sizes)."))
        }
        if let limit = spec.maxBytes, info.bytes > limit {
            findings.append(
                Finding(
                    .assetTooHeavy, at: at,
                    "\(name) weighs \(info.bytes / 1024) KB; \(who) takes at most \(limit / 1024) KB.",
                    fix: "Compress it or reduce its dimensions."))
        }
        return findings
    }

    /// `PNG 1080×1350`.
    private static func shown(_ info: ImageInfo) -> String {
        "\(info.format.rawValue.uppercased()) \(info.width)×\(info.height)"
    }

    /// `a`, `a or b`, `a, b or c`.
    private static func listed(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + last
    }

    private static func check(_ info: ImageInfo, against need: AssetNeed, shown: String, at: Location) -> [Finding] {
        var findings: [Finding] = []
        if info.format.assetFormat != need.format {
            findings.append(
                Finding(
                    .assetFormatNotAccepted, at: at, "The file is \(shown), but \(need.format.rawValue.uppercased()) was requested.",
                    fix: "Export it as \(need.format.rawValue.uppercased())."))
        }
        let retina = PixelSize(width: need.size.width * 2, height: need.size.height * 2)
        if info.size != need.size, info.size != retina {
            findings.append(
                Finding(
                    .assetSizeMismatch, at: at, "The file is \(shown), but \(need.size) was requested.",
                    fix: "Export it at \(need.size) (or \(retina) for retina screens)."))
        }
        return findings
    }

    private static func finding(for problem: ImageHeaderProblem, name: String, at: Location) -> Finding {
        switch problem {
        case .unknownFormat:
            Finding(
                .assetUnreadable, at: at, "\(name) is not a PNG, JPEG, GIF or WebP image.",
                fix: "Export the asset again as PNG or JPEG.")
        case .truncated(let format):
            Finding(
                .assetTruncated, at: at, "\(name) is an incomplete \(format.rawValue.uppercased()) file (cut off).",
                fix: "Upload or export the file again.")
        case .implausible(let format, let detail):
            Finding(
                .assetImplausibleHeader, at: at,
                "\(name) has a damaged \(format.rawValue.uppercased()) header (\(detail)).",
                fix: "Export the asset again from the design tool.")
        }
    }
}
