import Foundation

/// Builds minimal image files (headers plus end markers) for asset tests.
enum ImageBytes {
    static func png(width: UInt32, height: UInt32, complete: Bool = true, badChecksum: Bool = false, padding: Int = 0) -> Data {
        var data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        data += chunk("IHDR", be32(width) + be32(height) + [8, 6, 0, 0, 0], corrupt: badChecksum)
        data += chunk("IDAT", [UInt8](repeating: 0, count: padding + 4))
        if complete { data += chunk("IEND", []) }
        return data
    }

    static func jpeg(width: UInt16, height: UInt16, complete: Bool = true) -> Data {
        var data = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
        data += [0xFF, 0xC0, 0x00, 0x11, 0x08] + be16(height) + be16(width) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        data += [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0] + [UInt8](repeating: 0x55, count: 64)
        if complete { data += [0xFF, 0xD9] }
        return data
    }

    static func gif(width: UInt16, height: UInt16) -> Data {
        Data(Array("GIF89a".utf8) + le16(width) + le16(height) + [0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B])
    }

    static func webp(width: UInt32, height: UInt32) -> Data {
        let vp8x: [UInt8] = Array("VP8X".utf8) + le32(10) + [0, 0, 0, 0] + le24(width - 1) + le24(height - 1)
        return Data(Array("RIFF".utf8) + le32(UInt32(4 + vp8x.count)) + Array("WEBP".utf8) + vp8x)
    }

    private static func chunk(_ type: String, _ body: [UInt8], corrupt: Bool = false) -> Data {
        let typed = Array(type.utf8) + body
        let crc = crc32(typed) ^ (corrupt ? 1 : 0)
        return Data(be32(UInt32(body.count)) + typed + be32(crc))
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    private static func be16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
    private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private static func le24(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF)] }
    private static func le32(_ v: UInt32) -> [UInt8] { le24(v) + [UInt8(v >> 24)] }
}
