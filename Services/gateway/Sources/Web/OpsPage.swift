import Domain
import Foundation
import GRDB
import Hummingbird
import Logging
import ServiceKit

/// `/ops`: the live tail of the bus (newest first; new lines arrive by `GET /events?tail=1`) and the lag of every
/// queue group and of the gateway's consumer.
extension DashboardRoutes {
    struct OpsView {
        var head: String
        var problem: String?
        var readers: [OpsFeed.Lag]
        var lines: [String]
    }

    func opsPage(_ actor: Actor) async throws -> Response {
        let lag = await ops?.lag()
        let view = OpsView(
            head: lag?.head.map { "\($0)" } ?? "unknown",
            problem: lag?.problem ?? (ops == nil ? "no bus connection" : nil),
            readers: lag?.readers ?? [], lines: ops?.recent().map(\.text) ?? [])
        return renderer.page("ops", view, chrome: PageChrome(title: "Ops", path: "/ops", actor: actor, live: "ops"))
    }
}
