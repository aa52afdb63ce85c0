import AssistantService
import Foundation

exit(await AssistantService.main())
