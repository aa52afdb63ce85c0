import BuildStation
import Domain
import Foundation
import StationKit

exit(
    await StationService.main(station: .build) { setup in
        BuildHooks(
            dataDirectory: setup.dataDirectory, templatesDirectory: setup.options.templatesDirectory, rules: setup.rules)
    })
