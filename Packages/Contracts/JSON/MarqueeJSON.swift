import Foundation

/// The one JSON configuration every Marquee process uses on the wire and in files.
///
/// Sorted keys (so equal values give equal bytes), unescaped slashes, dates as RFC 3339 UTC with
/// milliseconds (``RFC3339``). Encoders and decoders are made per call site; keep one per task if hot.
///
/// ```swift
/// let bytes = try MarqueeJSON.encode(envelope)
/// let back = try MarqueeJSON.decoder().decode(Envelope<IntakeHeld>.self, from: bytes)
/// ```
public enum MarqueeJSON {
    /// An encoder with Marquee's settings; `pretty` adds indentation for files and terminals.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.string(from: date))
        }
        return encoder
    }

    /// A decoder with Marquee's settings: dates must be RFC 3339 `date-time` strings.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected an RFC 3339 date-time, got \"\(text)\"")
            }
            return date
        }
        return decoder
    }

    /// Encodes `value` compactly with sorted keys.
    public static func encode(_ value: some Encodable) throws -> Data {
        try encoder().encode(value)
    }

    /// Encodes `value` indented with sorted keys, as UTF-8 text ending in a newline.
    public static func prettyText(_ value: some Encodable) throws -> String {
        String(decoding: try encoder(pretty: true).encode(value), as: UTF8.self) + "\n"
    }

    /// A date exactly as it survives the wire: rounded to the millisecond.
    public static func wireDate(_ date: Date) -> Date {
        RFC3339.date(from: RFC3339.string(from: date)) ?? date
    }
}
