// Writes the corpus's binary inputs (committed beside this script): run `node tests/corpus/make-files.mjs` to make
// them again. Each is an .xlsx as a hostile or broken export would be; the cases in cases.json say what they try.
import { writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A zip of deflated parts whose headers declare `declared` (default: the truth) as a part's size. */
function zip(parts) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name: text, content, declared, crc: givenCrc } of parts) {
    const name = Buffer.from(text);
    const data = deflateRawSync(content, { level: 9 });
    const size = declared ?? content.length;
    const crc = givenCrc ?? crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10); central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="相談受付台帳" sheetId="1" r:id="rId1"/></sheets></workbook>';
/** A sheet of `size` bytes: its XML opening, then blanks, which deflate about a thousand to one. */
function sheet(size) {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const tail = Buffer.from('</sheetData></worksheet>');
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x20), tail]);
}
const parts = (content, declared) => [
  { name: '[Content_Types].xml', content: Buffer.from(TYPES) },
  { name: 'xl/workbook.xml', content: Buffer.from(WORKBOOK) },
  { name: 'xl/worksheets/sheet1.xml', content, declared },
];

const here = new URL('./files/konkyu/', import.meta.url);
const big = sheet(100 * 1024 * 1024);
// Says what it is: its directory declares the 100 MiB sheet.
writeFileSync(new URL('bomb-declared.xlsx', here), zip(parts(big)));
// Lies: its directory declares a 4 KiB sheet that inflates to 100 MiB.
writeFileSync(new URL('bomb-lying.xlsx', here), zip(parts(big, 4096)));
