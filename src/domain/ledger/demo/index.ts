// The demo data generator: synthetic households and residents for the demo city and the benchmarks.
// Pure and deterministic (see households.ts). The entry point:
//
//   for (const h of generateHouseholds({ seed: 1, regionCode: '410105', residents: 10_000, today: '2020-02-05' }))
//     … h.building, h.entrance, h.door, h.colour (derived by deriveColour), h.residents[i].idNumber …
//
// Share one IdNumberAllocator (`ids`) between runs that may use the same county code, so that ID numbers
// never repeat across them. The rest is exported for tests and for other generators (the PRNG, names,
// ID numbers, phones, places).
export { ColourMemo, type FactsHolder, FactsKeys } from './colourMemo';
export { composeHousehold, HOUSEHOLD_SIZES, type Member } from './composition';
export { civilFromDays, compactOf, DAY_RANGE, dayOf, daysFromCivil, isoOf, yearOf } from './days';
export { addMarker, personalMarkers } from './demoMarkers';
export { type DemoFacts, type Story, type StoryResident, StoryTeller } from './facts';
export {
  type BuildingLayout,
  DEFAULT_BUILDING_LAYOUT,
  DEFAULT_MIX,
  type DemoHousehold,
  type DemoHouseholdOptions,
  type DemoMix,
  type DemoResident,
  generateHouseholds,
} from './households';
export { IdNumberAllocator, NUMBERS_PER_DAY_AND_SEX, RegionIdNumbers } from './idNumbers';
export { generationOf, givenNames, pickGivenName, pickName, pickSurname, surnames } from './names';
export { pickMobile } from './phones';
export { henanOrigins, otherProvinceOrigins, type Place, travelPlaces } from './places';
export { Prng, WeightedTable } from './prng';
export { pickWorkUnit, workUnits } from './workUnits';
