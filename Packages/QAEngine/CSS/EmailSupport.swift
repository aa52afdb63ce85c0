/// Lookup over the generated caniemail table (`EmailSupportTable.swift`): which HTML/CSS features some
/// major client does not support. Lookups hash raw bytes, so checking a declaration allocates nothing.
enum EmailSupport {
    /// What kind of syntax a table entry matches.
    enum Kind: UInt8, Sendable {
        case property, value, function, keyword, atRule, media, image
    }

    /// One feature some clients do not support.
    struct Entry: Sendable {
        let kind: Kind
        let name: [UInt8]
        let id: String
        let title: String
        let unsupported: EmailClients

        init(_ kind: Kind, _ name: String, _ id: String, _ title: String, _ unsupported: EmailClients) {
            self.kind = kind
            self.name = Array(name.utf8)
            self.id = id
            self.title = title
            self.unsupported = unsupported
        }
    }

    /// Features that only enhance where supported and degrade gracefully elsewhere: reported as info.
    static let progressive: Set<String> = [
        "css-at-media", "css-at-media-prefers-color-scheme", "css-at-media-prefers-reduced-motion",
        "css-at-media-hover", "css-at-media-orientation", "css-at-media-device-pixel-ratio", "css-at-font-face",
        "css-border-radius", "css-box-shadow", "css-text-shadow", "css-transition", "css-animation",
        "css-at-keyframes", "css-important",
    ]

    /// Index of the entry matching `kind` and (lower-case ASCII) `name`, if some client lacks it.
    static func lookup(_ kind: Kind, _ name: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let candidates = index[hash(kind, name)] else { return nil }
        return candidates.first { table[$0].name.elementsEqual(name.lazy.map(lowercased)) }
    }

    private static let index: [UInt64: [Int]] = {
        var index: [UInt64: [Int]] = [:]
        for (offset, entry) in table.enumerated() {
            let key = entry.name.withUnsafeBufferPointer { hash(entry.kind, $0) }
            index[key, default: []].append(offset)
        }
        return index
    }()

    private static func hash(_ kind: Kind, _ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(kind.rawValue)
        for byte in name {
            hash = (hash ^ UInt64(lowercased(byte))) &* 0x100_0000_01b3
        }
        return hash
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
}
