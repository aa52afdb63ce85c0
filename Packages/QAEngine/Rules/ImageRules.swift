import Domain
import Foundation

/// Rules on `<img>` elements: source, alt text, dimensions, format, and — when the image files were
/// inspected — retina sharpness and weight.
enum ImageRules {
    static func check(
        _ images: [HTMLScan.Image], assets: [String: ImageInfo], options: QAOptions, into out: inout FindingCollector
    ) {
        for image in images {
            if image.alt == nil {
                out.add(
                    Finding(
                        .imageMissingAlt, at: image.location,
                        "An image (\(name(image))) has no alt text, so readers with images off or using a screen "
                            + "reader miss it.",
                        fix: "Describe the image in alt; use alt=\"\" for purely decorative images."))
            }
            if image.width == nil || image.height == nil {
                out.add(
                    Finding(
                        .imageMissingDimensions, at: image.location,
                        "An image (\(name(image))) has no width or height, so Outlook may show it at full size "
                            + "and the layout jumps while it loads.",
                        fix: "Set width and height attributes on the img tag."))
            }
            guard let src = image.src.map(TextNormalizer.collapsed), !src.isEmpty else {
                out.add(
                    Finding(
                        .imageMissingSrc, at: image.location, "An image has no source, so it shows as a broken image.",
                        fix: "Set src to the image's full https:// URL."))
                continue
            }
            checkSource(src, image: image, options: options, into: &out)
            if !assets.isEmpty, let info = assets[src] ?? assets[fileName(of: src)] { checkFile(info, image: image, options: options, into: &out) }
        }
    }

    private static func checkSource(_ src: String, image: HTMLScan.Image, options: QAOptions, into out: inout FindingCollector) {
        if let tag = MergeTagScanner.tags(in: src).first(where: { !options.allowedMergeTags.contains($0) }) {
            out.add(
                Finding(
                    .contentMergeTag, at: image.location, "The image address still contains the merge tag \(tag).",
                    fix: "Replace the tag with the image's real URL."))
            return
        }
        if ASCIISearch.lowercased(src, hasPrefix: "cid:") || ASCIISearch.lowercased(src, hasPrefix: "data:") { return }
        guard let url = WebURL.parse(src), let scheme = url.scheme.map(ASCIISearch.lowercased), url.host?.isEmpty == false
        else {
            out.add(
                Finding(
                    .imageRelativeURL, at: image.location, "The image \(LinkRules.shortened(src)) has no full address, so it will not load in the inbox.",
                    fix: "Use the image's full URL, starting with https://."))
            return
        }
        if scheme == "http" {
            out.add(
                Finding(
                    .imageInsecureURL, at: image.location,
                    "The image \(LinkRules.shortened(src)) loads over http, which some apps block or flag.",
                    fix: "Serve the image over https://."))
        }
        let fileName = lastComponent(of: url.path[...], separatedBy: "/")
        let fileExtension = fileName.contains(".") ? ASCIISearch.lowercased(String(lastComponent(of: fileName, separatedBy: "."))) : ""
        var bytes = Array(fileExtension.utf8)
        if let entry = bytes.withUnsafeMutableBufferPointer({ EmailSupport.lookup(.image, UnsafeBufferPointer($0)) }) {
            let clients = EmailSupport.table[entry].unsupported.intersection(options.clients)
            if !clients.isEmpty {
                out.add(
                    Finding(
                        .imageUnsupportedFormat, at: image.location,
                        "The image \(LinkRules.shortened(src)) is \(fileExtension.uppercased()), which "
                            + "\(clients.names.joined(separator: ", ")) cannot show.",
                        fix: "Export it as PNG, JPEG or GIF."))
            }
        }
    }

    private static func checkFile(_ info: ImageInfo, image: HTMLScan.Image, options: QAOptions, into out: inout FindingCollector) {
        if let declared = image.width.flatMap(pixels), declared > 0, info.width < declared * 2 {
            out.add(
                Finding(
                    .imageNotRetina, at: image.location,
                    "The image \(name(image)) is \(info.width) px wide but shown at \(declared) px; it will look "
                        + "blurry on high-resolution screens.",
                    fix: "Export it at least \(declared * 2) px wide (2×) and keep width=\"\(declared)\"."))
        }
        if let limit = options.emailSpec?.maxBytes, info.bytes > limit {
            out.add(
                Finding(
                    .imageTooHeavy, at: image.location,
                    "The image \(name(image)) weighs \(info.bytes / 1024) KB, over the \(limit / 1024) KB limit for email.",
                    fix: "Compress it or reduce its dimensions."))
        }
    }

    /// The last path segment of `src` without query or fragment (`hero.png`), to match asset files by name.
    private static func fileName(of src: String) -> String {
        let path = src.prefix { $0 != "?" && $0 != "#" }
        return String(path.split(separator: "/").last ?? "")
    }

    /// The last non-empty part of `text` split at `separator` (as `split(separator:).last`), without an array.
    private static func lastComponent(of text: Substring, separatedBy separator: Character) -> Substring {
        // ASCII text: every byte is a character (a CR LF pair is one, but never the separator), so bytes
        // are searched instead of walking characters backwards.
        if let byte = separator.asciiValue, text.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = text.utf8
            var end = bytes.endIndex
            while end > bytes.startIndex, bytes[bytes.index(before: end)] == byte { end = bytes.index(before: end) }
            var start = end
            while start > bytes.startIndex, bytes[bytes.index(before: start)] != byte { start = bytes.index(before: start) }
            return text[start..<end]
        }
        var text = text
        while text.last == separator { text.removeLast() }
        guard let cut = text.lastIndex(of: separator) else { return text }
        return text[text.index(after: cut)...]
    }

    /// `"600"` or `"600px"` as pixels; nil for percentages and junk.
    private static func pixels(_ value: String) -> Int? {
        let trimmed = value.trimmingCharacters(in: .whitespaces).lowercased()
        return Int(trimmed.hasSuffix("px") ? String(trimmed.dropLast(2)) : trimmed)
    }

    private static func name(_ image: HTMLScan.Image) -> String {
        if let alt = image.alt, !alt.isEmpty { return "\"\(alt.prefix(60))\"" }
        return image.src.map { LinkRules.shortened($0) } ?? "without source"
    }
}
