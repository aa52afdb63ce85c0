extension Character {
    /// Whether this is one of `0`…`9`.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
