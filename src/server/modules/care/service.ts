// The care module's services, for the routes and for other modules (a person's page, the demo city):
// requests (asked, listed, counted, cancelled), their delivery, households' links, the day's list.

export { dayList, prepareDayListExport } from './dayList';
export { assignRequest, deliverRequest, myTasks, takeRequest } from './delivery';
export { seedDemoCare } from './demo';
export { giveLink, MAX_OPEN, publicAsk, publicHousehold, takeLinkBack } from './links';
export {
  cancelRequest,
  careHousehold,
  createRequest,
  getRequest,
  householdCare,
  listRequests,
  requestCounts,
} from './requests';
export type { RequestView } from './views';
