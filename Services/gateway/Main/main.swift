import Foundation
import GatewayService

exit(await GatewayService.main())
