/// Reads format and dimensions from PNG, JPEG, GIF and WebP headers, checking that the file is complete
/// and that the header is consistent. Every read is bounds-checked: hostile bytes give problems, not crashes.
enum ImageHeaderReader {
    /// Dimensions above this (per side) are treated as a lying header.
    static let maxSide = 50_000

    /// The facts found (nil when unreadable) and the problems with the header.
    static func read(_ bytes: UnsafeRawBufferPointer) -> (info: ImageInfo?, problems: [ImageHeaderProblem]) {
        let reader = ByteReader(bytes)
        if reader.matches(at: 0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(reader) }
        if reader.matches(at: 0, [0xFF, 0xD8, 0xFF]) { return jpeg(reader) }
        if reader.matches(at: 0, Array("GIF87a".utf8)) || reader.matches(at: 0, Array("GIF89a".utf8)) {
            return gif(reader)
        }
        if reader.matches(at: 0, Array("RIFF".utf8)), reader.matches(at: 8, Array("WEBP".utf8)) { return webp(reader) }
        return (nil, [.unknownFormat])
    }

    private static func png(_ reader: ByteReader) -> (ImageInfo?, [ImageHeaderProblem]) {
        guard let length = reader.uint32BE(at: 8), reader.matches(at: 12, Array("IHDR".utf8)),
            let width = reader.uint32BE(at: 16), let height = reader.uint32BE(at: 20), let crc = reader.uint32BE(at: 29)
        else { return (nil, [.truncated(.png)]) }
        var problems: [ImageHeaderProblem] = []
        if length != 13 { problems.append(.implausible(.png, "IHDR length \(length)")) }
        if CRC32.checksum(UnsafeRawBufferPointer(rebasing: reader.bytes[12..<29])) != crc {
            problems.append(.implausible(.png, "IHDR checksum mismatch"))
        }
        // Walk the chunk list: a chunk reaching past the end, or no IEND, means a cut file.
        var offset = 8
        var sawEnd = false
        while let chunkLength = reader.uint32BE(at: offset), offset + 12 + Int(chunkLength) <= reader.count {
            if reader.matches(at: offset + 4, Array("IEND".utf8)) {
                sawEnd = true
                break
            }
            offset += 12 + Int(chunkLength)
        }
        if !sawEnd { problems.append(.truncated(.png)) }
        return finish(.png, Int(width), Int(height), reader, problems)
    }

    private static func jpeg(_ reader: ByteReader) -> (ImageInfo?, [ImageHeaderProblem]) {
        var offset = 2
        while offset < reader.count {
            guard reader.byte(at: offset) == 0xFF, let marker = reader.byte(at: offset + 1) else {
                return (nil, [.implausible(.jpeg, "segment marker expected at byte \(offset)")])
            }
            if marker == 0xFF {  // fill byte
                offset += 1
                continue
            }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) {
                offset += 2
                continue
            }
            guard let length = reader.uint16BE(at: offset + 2) else { break }
            guard length >= 2 else { return (nil, [.implausible(.jpeg, "segment length \(length)")]) }
            let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isFrame {
                guard let height = reader.uint16BE(at: offset + 5), let width = reader.uint16BE(at: offset + 7) else {
                    break
                }
                let ends = reader.lastIndex(of: [0xFF, 0xD9], within: 64) != nil
                return finish(.jpeg, Int(width), Int(height), reader, ends ? [] : [.truncated(.jpeg)])
            }
            if marker == 0xD9 || marker == 0xDA { break }  // end or scan data before any frame header
            offset += 2 + Int(length)
        }
        return (nil, [.truncated(.jpeg)])
    }

    private static func gif(_ reader: ByteReader) -> (ImageInfo?, [ImageHeaderProblem]) {
        guard let width = reader.uint16LE(at: 6), let height = reader.uint16LE(at: 8), reader.count >= 13 else {
            return (nil, [.truncated(.gif)])
        }
        let ends = reader.byte(at: reader.count - 1) == 0x3B
        return finish(.gif, Int(width), Int(height), reader, ends ? [] : [.truncated(.gif)])
    }

    private static func webp(_ reader: ByteReader) -> (ImageInfo?, [ImageHeaderProblem]) {
        guard let riffSize = reader.uint32LE(at: 4) else { return (nil, [.truncated(.webp)]) }
        var problems: [ImageHeaderProblem] = []
        if Int(riffSize) + 8 > reader.count { problems.append(.truncated(.webp)) }
        let size: (Int, Int)?
        if reader.matches(at: 12, Array("VP8X".utf8)), let w = reader.uint24LE(at: 24), let h = reader.uint24LE(at: 27) {
            size = (Int(w) + 1, Int(h) + 1)
        } else if reader.matches(at: 12, Array("VP8L".utf8)), reader.byte(at: 20) == 0x2F,
            let bits = reader.uint32LE(at: 21)
        {
            size = (Int(bits & 0x3FFF) + 1, Int((bits >> 14) & 0x3FFF) + 1)
        } else if reader.matches(at: 12, Array("VP8 ".utf8)), reader.matches(at: 23, [0x9D, 0x01, 0x2A]),
            let w = reader.uint16LE(at: 26), let h = reader.uint16LE(at: 28)
        {
            size = (Int(w & 0x3FFF), Int(h & 0x3FFF))
        } else {
            size = nil
        }
        guard let (width, height) = size else { return (nil, [.truncated(.webp)]) }
        return finish(.webp, width, height, reader, problems)
    }

    private static func finish(
        _ format: ImageFormat, _ width: Int, _ height: Int, _ reader: ByteReader, _ problems: [ImageHeaderProblem]
    ) -> (ImageInfo?, [ImageHeaderProblem]) {
        guard width > 0, height > 0, width <= maxSide, height <= maxSide else {
            return (nil, problems + [.implausible(format, "dimensions \(width)×\(height)")])
        }
        return (ImageInfo(format: format, width: width, height: height, bytes: reader.count), problems)
    }
}
