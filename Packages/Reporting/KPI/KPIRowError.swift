/// A problem with one row (and column, when it is one field) of a KPI import.
///
/// Rows are numbered as people see them: in CSV the header is row 1 and the first data row row 2; in JSON the
/// first element of the array is row 1.
public struct KPIRowError: Sendable, Hashable, Codable, CustomStringConvertible {
    public var row: Int
    /// The column name; `nil` when the whole row is wrong.
    public var column: String?
    public var message: String

    /// Creates an error.
    public init(row: Int, column: String?, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String { "row \(row)" + (column.map { ", column \($0)" } ?? "") + ": \(message)" }
}
