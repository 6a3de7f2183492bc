import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Cell, Workbook } from 'exceljs';
import type { PlanRow, PlanTable } from '../../domain/actions/plan-import';

/**
 * Reads an action plan spreadsheet into plain strings for src/domain/actions/plan-import.ts:
 * the header row's cell texts, and each later non-empty row with its spreadsheet row number (the
 * header is row 1 when it is the first row) and its cells keyed by header text.
 *
 * CSV: RFC 4180 (quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF line
 * ends), UTF-8 with or without a byte-order mark. Parsed here rather than with a package: the
 * format is small and the tests below pin every case the importer relies on.
 * XLSX: the first worksheet, through exceljs; rich text, hyperlinks, formulas, numbers, booleans
 * and dates become plain text (dates as YYYY-MM-DD).
 */
export async function readPlanFile(file: string): Promise<PlanTable> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv') {
    const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`cannot read ${path.basename(file)}: ${error.code === 'ENOENT' ? 'there is no such file' : error.message}`);
    });
    return readCsvBytes(bytes, path.basename(file));
  }
  if (extension === '.xlsx') return readXlsx(file);
  if (extension === '.xls') {
    throw new Error(`cannot read ${path.basename(file)}: the old .xls format is not supported; save it as .xlsx or CSV UTF-8 and import that`);
  }
  throw new Error(`cannot read ${path.basename(file)}: expected a .csv or .xlsx file, not "${extension || 'no extension'}"`);
}

/** Decodes UTF-8 (refusing anything else rather than guessing) and reads the CSV. */
export function readCsvBytes(bytes: Uint8Array, name = 'the file'): PlanTable {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`cannot read ${name}: it is not UTF-8 text; in Excel choose Save As > "CSV UTF-8 (Comma delimited)"`);
  }
  return readCsvText(text, name);
}

export function readCsvText(text: string, name = 'the file'): PlanTable {
  return toTable(parseCsv(text, name).map((cells, index) => ({ row: index + 1, cells })));
}

/**
 * Splits CSV text into records of fields (RFC 4180). A leading byte-order mark is dropped; a final
 * line break does not start an empty record; a quote inside an unquoted field is kept as text.
 * Throws when a quoted field is never closed, naming the row where it opened.
 */
export function parseCsv(text: string, name = 'the file'): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let quoteOpenedInRecord = 0;

  const endField = () => {
    record.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };

  for (let i = 0; i < source.length; i += 1) {
    const char = source[i]!;
    if (inQuotes) {
      if (char !== '"') field += char;
      else if (source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else inQuotes = false;
    } else if (char === '"' && field === '' && !quoted) {
      inQuotes = true;
      quoted = true;
      quoteOpenedInRecord = records.length + 1;
    } else if (char === ',') endField();
    else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
    } else field += char;
  }
  if (inQuotes) throw new Error(`cannot read ${name}: a quoted field that starts in row ${quoteOpenedInRecord} is never closed`);
  if (field !== '' || quoted || record.length > 0) endRecord();
  return records;
}

/** The first non-empty row is the header; blank header cells are named "Column N", repeats "Name (2)". */
function toTable(rows: readonly { row: number; cells: readonly string[] }[]): PlanTable {
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [first, ...rest] = filled;
  if (!first) return { header: [], rows: [] };
  const header: string[] = [];
  first.cells.forEach((cell, index) => {
    const base = cell.trim() || `Column ${index + 1}`;
    let name = base;
    for (let n = 2; header.includes(name); n += 1) name = `${base} (${n})`;
    header.push(name);
  });
  const planRows: PlanRow[] = rest.map(({ row, cells }) => {
    const values: Record<string, string> = {};
    cells.forEach((cell, index) => {
      values[header[index] ?? `Column ${index + 1}`] = cell;
    });
    return { row, values };
  });
  return { header, rows: planRows };
}

/** The same as readPlanFile, for a file that arrived as bytes (e.g. attached in a Teams chat). */
export async function readPlanBytes(bytes: Uint8Array, fileName: string): Promise<PlanTable> {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === '.csv') return readCsvBytes(bytes, fileName);
  if (extension === '.xlsx') {
    return readWorkbook(fileName, (workbook) => workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer).then(() => undefined));
  }
  throw new Error(`cannot read ${fileName}: expected a .csv or .xlsx file`);
}

async function readXlsx(file: string): Promise<PlanTable> {
  return readWorkbook(path.basename(file), (workbook) => workbook.xlsx.readFile(file).then(() => undefined));
}

async function readWorkbook(name: string, load: (workbook: Workbook) => Promise<void>): Promise<PlanTable> {
  // Loaded on first use: exceljs is large, and most bots never receive a workbook.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  try {
    await load(workbook);
  } catch (error) {
    throw new Error(`cannot read ${name} as an Excel workbook: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`cannot read ${name}: the workbook has no worksheets`);
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column)));
    rows.push({ row: rowNumber, cells });
  });
  return toTable(rows);
}

function cellText(cell: Cell): string {
  return valueText(cell.value, cell.numFmt);
}

/** Plain text for any exceljs cell value. */
function valueText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v['richText'])) return (v['richText'] as { text?: unknown }[]).map((run) => valueText(run.text)).join('');
    if ('hyperlink' in v) return valueText(v['text']);
    if ('formula' in v || 'sharedFormula' in v) return valueText(v['result'], numFmt);
    if ('error' in v) return String(v['error']);
    if ('text' in v) return valueText(v['text']);
  }
  return String(value);
}

/** Keeps the decimals a fixed "0.00" format shows, so an id typed as the number 3.10 stays "3.10". */
function numberText(value: number, numFmt?: string): string {
  const fixed = numFmt ? /^0\.(0+)$/.exec(numFmt) : null;
  return fixed ? value.toFixed(fixed[1]!.length) : String(value);
}

/** Excel dates carry no time zone: exceljs gives them as UTC, so read them back as UTC. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
