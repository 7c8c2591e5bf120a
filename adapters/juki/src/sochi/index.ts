export { parseSochiList, SOCHI_KUBUN, SOCHI_HEADER, type SochiRow, type SochiList } from './parse.js';
export { parseSochiFileName } from './file-name.js';
export { readSochiFile, SOCHI_MAX_BYTES, type SochiFile } from './read.js';
