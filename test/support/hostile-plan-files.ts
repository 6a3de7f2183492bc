import { deflateRawSync } from 'node:zlib';

/**
 * Small generators for plan files built to hurt the reader: a few kilobytes each, costly to read
 * without limits. Used by the reader's tests and by the measurements in the issue 16 report.
 */

/** A CSV whose header repeats one short name `cells` times (two bytes a cell), then one ordinary row. */
export function duplicateHeaderCsv(cells: number): string {
  return `${Array.from({ length: cells }, () => 'W').join(',')}\n1.1,1. Theme,Text,Warwickshire County Council\n`;
}

/** A CSV whose header is `cells` empty cells around the real column names. */
export function emptyHeaderCsv(cells: number): string {
  return `Action id,Theme,Key action,Who${','.repeat(cells)}Column 5\n1.1,1. Theme,Text,Warwickshire County Council\n`;
}

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
  /** What the zip's directory says the entry inflates to; the truth unless a test lies. */
  readonly declaredSize?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A zip written by hand, so a test can make its directory lie about sizes (a library will not).
 * Every entry is deflated at the highest level: repeated XML shrinks to a few kilobytes.
 */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A one-sheet workbook around the given sheetData rows; `declaredSheetSize` makes the zip lie. */
export function workbookWithSheet(sheetDataRows: Buffer | string, declaredSheetSize?: number): Buffer {
  const rows = typeof sheetDataRows === 'string' ? Buffer.from(sheetDataRows) : sheetDataRows;
  const sheet = Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'),
    rows,
    Buffer.from('</sheetData></worksheet>'),
  ]);
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WORKBOOK_RELS) },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, ...(declaredSheetSize === undefined ? {} : { declaredSize: declaredSheetSize }) },
  ]);
}

/** Inline-string cells as sheet XML; a number of these rows is a plan as Excel would store it. */
export function inlineRow(row: number, cells: readonly string[]): string {
  const xml = cells.map((text, index) => `<c r="${columnLetters(index + 1)}${row}" t="inlineStr"><is><t>${text}</t></is></c>`).join('');
  return `<row r="${row}">${xml}</row>`;
}

/** Rows whose only cell sits in the sheet's last column (XFD): tiny XML, a huge grid to walk. */
export function farColumnRows(rows: number): string {
  return Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('');
}

/** `megabytes` of the same row repeated: a sheet that deflates to a few kilobytes. */
export function repeatedRows(megabytes: number): Buffer {
  const row = Buffer.from(inlineRow(2, ['x', 'x', 'x', 'x']));
  return Buffer.alloc(Math.floor((megabytes * 1024 * 1024) / row.length) * row.length, row);
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
