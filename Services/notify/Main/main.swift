import Foundation
import NotifyService

exit(await NotifyService.main())
