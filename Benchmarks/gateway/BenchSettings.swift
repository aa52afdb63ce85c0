/// The command line of `marquee-gateway-bench`: `--campaigns N` (the read model's size, default 10,000),
/// `--requests N` (timed requests per API endpoint and the baseline, default 1,000), `--board-requests N` (timed
/// board pages, default 8: each renders every campaign) and `--connections N` (concurrent keep-alive
/// connections, default 4).
struct BenchSettings {
    var campaigns = 10_000
    var requests = 1_000
    var boardRequests = 8
    var connections = 4

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst().flatMap(Int.init), value > 0 else { throw Usage("\(flag) needs a positive number") }
            switch flag {
            case "--campaigns": campaigns = value
            case "--requests": requests = value
            case "--board-requests": boardRequests = value
            case "--connections": connections = value
            default: throw Usage("unknown flag \(flag); use --campaigns N --requests N --board-requests N --connections N")
            }
        }
    }
}

/// A bad command line, said in one sentence.
struct Usage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
