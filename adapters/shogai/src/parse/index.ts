export { readCsvFile, type CsvFile, type CsvRow, type CsvRejection } from './csv-file.js';
export * from './records.js';
export { parseShogaiFileName, SHOGAI_FILES, type ShogaiKind } from './file-name.js';
