import Foundation
import QAService

exit(await QAService.main())
