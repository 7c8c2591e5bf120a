export { RELATIONSHIPS, CHANGE_REASONS, type Relationship, type RelationshipCode, type ResidentStatus } from './codes.js';
export { RECORD_LENGTH, FIELDS, type FieldSpec } from './layout.js';
export { parseJukiRecord, parseTrailer, type JukiRecord, type RecordResult } from './record.js';
export { parseJukiFileName, JUKI_FILES } from './file-name.js';
export { readJukiFile, checkJukiFile, type JukiLine, type JukiFileSummary } from './reader.js';
