/// A set of major email clients (client × platform), as tested by caniemail. Wire: list of names.
public struct EmailClients: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let gmailWebmail = Self(rawValue: 1 << 0)
    public static let gmailIOS = Self(rawValue: 1 << 1)
    public static let gmailAndroid = Self(rawValue: 1 << 2)
    public static let outlookWindowsClassic = Self(rawValue: 1 << 3)
    public static let outlookWindowsNew = Self(rawValue: 1 << 4)
    public static let outlookCom = Self(rawValue: 1 << 5)
    public static let outlookMacOS = Self(rawValue: 1 << 6)
    public static let outlookIOS = Self(rawValue: 1 << 7)
    public static let outlookAndroid = Self(rawValue: 1 << 8)
    public static let appleMailMacOS = Self(rawValue: 1 << 9)
    public static let appleMailIOS = Self(rawValue: 1 << 10)
    public static let yahooWebmail = Self(rawValue: 1 << 11)

    /// Every client in the support table.
    public static let all = Self(rawValue: 0x0FFF)

    private static let names = [
        "Gmail (web)", "Gmail (iOS)", "Gmail (Android)", "Outlook 2007–2021 (Windows)", "new Outlook (Windows)",
        "Outlook.com", "Outlook (Mac)", "Outlook (iOS)", "Outlook (Android)", "Apple Mail (Mac)",
        "Apple Mail (iOS)", "Yahoo Mail (web)",
    ]

    /// Readable client names, in table order.
    public var names: [String] {
        Self.names.indices.filter { rawValue & (1 << $0) != 0 }.map { Self.names[$0] }
    }
}
