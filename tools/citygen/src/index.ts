export { generateCity, type City, type CityOptions, type Household, type Person } from './city.js';
export { writeJukiFiles, encodeJukiRecord, type Defect, type JukiWriteResult, type PlantedInvalid } from './juki-writer.js';
export { simulateDay } from './events.js';
export { writeTruth, type TruthPerson } from './truth.js';
export { generateDemoCity, type DemoCity, type DemoCityOptions } from './demo.js';
export { Random } from './random.js';
export { writeShogaiFiles, type SourceTruth } from './shogai-writer.js';
export { writeSourceTruth } from './truth.js';
export { writeKonkyuLedger } from './konkyu-writer.js';
