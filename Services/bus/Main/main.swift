import BusService

await BusCommand.main()
