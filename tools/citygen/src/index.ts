export { addDays, generateCity, type City, type CityOptions, type Household, type Person } from './city.js';
export { writeJukiFiles, encodeJukiRecord, type Defect, type JukiWriteResult, type PlantedInvalid } from './juki-writer.js';
export { simulateDay } from './events.js';
export { writeTruth, type TruthPerson } from './truth.js';
export { generateDemoCity, CITY_FORMAT, type DemoCity, type DemoCityOptions } from './demo.js';
export { writeSochiLists, type SochiTruth } from './sochi-writer.js';
export { Random } from './random.js';
export { writeSourceTruth } from './truth.js';
export { csvLine } from './csv.js';
export { type DemoCitySector, type SectorDemoContext, type SectorDemoWriter, type SourceTruth } from './sector-demo.js';
export {
  plantSituations,
  plantYoutaikyo,
  plantedCases,
  OTHER_CASE,
  YOUTAIKYO_CASE,
  type Planted,
  type PlantedCase,
  type PlantedYoutaikyo,
} from './planted.js';
export { caseHistory, writeCaseHistory, type CaseHistoryOptions } from './case-history.js';
