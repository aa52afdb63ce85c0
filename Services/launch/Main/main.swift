import Domain
import Foundation
import StationKit

exit(await StationService.main(station: .launch) { _ in NoHooks() })
