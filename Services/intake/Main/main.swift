import Domain
import Foundation
import IntakeStation
import StationKit

exit(await StationService.main(station: .intake) { _ in IntakeHooks() })
