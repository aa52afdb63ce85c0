import Foundation
import ReportingService

exit(await ReportingService.main())
