import Domain
import Foundation
import StationKit

exit(await StationService.main(station: .approvals) { _ in NoHooks() })
