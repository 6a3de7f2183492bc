import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Cell, Workbook } from 'exceljs';
import type { PlanRow, PlanTable } from '../domain/actions/plan-import';
import { PLAN_FILE_LIMITS, ReadBudget, formatCount, type PlanReadOptions } from './plan-file-limits';
import { checkWorkbookZip } from './xlsx-zip-check';

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
 *
 * Files come from anyone who can send the bot a file, so every read keeps to PLAN_FILE_LIMITS
 * (size, columns, rows, cell length, what a workbook unpacks to, time) and refuses a file that
 * goes past one, saying which.
 */
export async function readPlanFile(file: string, options: PlanReadOptions = {}): Promise<PlanTable> {
  const extension = path.extname(file).toLowerCase();
  const name = path.basename(file);
  if (extension === '.xls') {
    throw new Error(`cannot read ${name}: the old .xls format is not supported; save it as .xlsx or CSV UTF-8 and import that`);
  }
  if (extension !== '.csv' && extension !== '.xlsx') {
    throw new Error(`cannot read ${name}: expected a .csv or .xlsx file, not "${extension || 'no extension'}"`);
  }
  const cannotRead = (error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${name}: ${error.code === 'ENOENT' ? 'there is no such file' : error.message}`);
  };
  const { size } = await stat(file).catch(cannotRead);
  checkFileSize(size, name);
  return readPlanBytes(await readFile(file).catch(cannotRead), name, options);
}

function checkFileSize(bytes: number, name: string): void {
  if (bytes > PLAN_FILE_LIMITS.maxBytes) {
    throw new Error(
      `cannot read ${name}: it is ${Math.ceil(bytes / (1024 * 1024))} MB, and an action plan is far smaller (at most ${PLAN_FILE_LIMITS.maxBytes / (1024 * 1024)} MB)`,
    );
  }
}

/** Decodes UTF-8 (refusing anything else rather than guessing) and reads the CSV. */
export function readCsvBytes(bytes: Uint8Array, name = 'the file', options: PlanReadOptions = {}): PlanTable {
  checkFileSize(bytes.byteLength, name);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`cannot read ${name}: it is not UTF-8 text; in Excel choose Save As > "CSV UTF-8 (Comma delimited)"`);
  }
  return readCsvText(text, name, options);
}

export function readCsvText(text: string, name = 'the file', options: PlanReadOptions = {}): PlanTable {
  const table = new TableBuilder(name, new ReadBudget(name, options.clock));
  scanCsv(text, name, table.budget, (cells, row) => table.add(row, cells));
  return table.build();
}

/**
 * Splits CSV text into records of fields (RFC 4180). A leading byte-order mark is dropped; a final
 * line break does not start an empty record; a quote inside an unquoted field is kept as text.
 * Throws when a quoted field is never closed, naming the row where it opened.
 */
export function parseCsv(text: string, name = 'the file'): string[][] {
  const records: string[][] = [];
  scanCsv(text, name, new ReadBudget(name), (cells) => records.push(cells));
  return records;
}

/** The CSV scanner: hands each record to `onRecord` with its 1-based number, so blank ones need not be kept. */
function scanCsv(text: string, name: string, budget: ReadBudget, onRecord: (cells: string[], row: number) => void): void {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let record: string[] = [];
  let recordNumber = 1;
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let quoteOpenedInRecord = 0;

  const endField = () => {
    if (field.length > PLAN_FILE_LIMITS.maxCellChars) throw cellTooLong(name, recordNumber, record.length + 1, field.length);
    if (record.length >= PLAN_FILE_LIMITS.maxCsvFields) throw tooManyColumns(name, recordNumber, record.length + 1);
    record.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    onRecord(record, recordNumber);
    record = [];
    recordNumber += 1;
    if (recordNumber % 100 === 0) budget.check();
  };

  for (let i = 0; i < source.length; i += 1) {
    // One record can be most of the file, so the budget is checked by characters as well as rows.
    if ((i & 0xffff) === 0xffff) budget.check();
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
      quoteOpenedInRecord = recordNumber;
    } else if (char === ',') endField();
    else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
    } else field += char;
  }
  if (inQuotes) throw new Error(`cannot read ${name}: a quoted field that starts in row ${quoteOpenedInRecord} is never closed`);
  if (field !== '' || quoted || record.length > 0) endRecord();
}

function cellTooLong(name: string, row: number, column: number, chars: number): Error {
  return new Error(
    `cannot read ${name}: row ${row}, column ${column} holds ${formatCount(chars)} characters; a cell of an action plan holds at most ${formatCount(PLAN_FILE_LIMITS.maxCellChars)}`,
  );
}

function tooManyColumns(name: string, row: number, column: number): Error {
  return new Error(`cannot read ${name}: row ${row} has something in column ${formatCount(column)}; an action plan has at most ${PLAN_FILE_LIMITS.maxColumns} columns`);
}

/**
 * Collects rows into a PlanTable within the limits. Blank rows are dropped as they arrive and
 * trailing empty cells trimmed, so neither costs memory. The first non-empty row is the header;
 * blank header cells are named "Column N", repeats "Name (2)".
 */
class TableBuilder {
  private header: string[] | undefined;
  private readonly rows: PlanRow[] = [];

  constructor(
    private readonly name: string,
    readonly budget: ReadBudget,
  ) {}

  add(row: number, cells: readonly string[]): void {
    let length = cells.length;
    while (length > 0 && cells[length - 1]!.trim() === '') length -= 1;
    if (length === 0) return;
    if (length > PLAN_FILE_LIMITS.maxColumns) throw tooManyColumns(this.name, row, length);
    for (let column = 0; column < length; column += 1) {
      if (cells[column]!.length > PLAN_FILE_LIMITS.maxCellChars) throw cellTooLong(this.name, row, column + 1, cells[column]!.length);
    }
    if (!this.header) {
      this.header = headerNames(cells.slice(0, length));
      return;
    }
    if (this.rows.length >= PLAN_FILE_LIMITS.maxRows) {
      throw new Error(`cannot read ${this.name}: it has more than ${formatCount(PLAN_FILE_LIMITS.maxRows)} rows below the header, and an action plan is a few hundred at most`);
    }
    const values: Record<string, string> = {};
    for (let column = 0; column < length; column += 1) values[this.header[column] ?? `Column ${column + 1}`] = cells[column]!;
    this.rows.push({ row, values });
  }

  build(): PlanTable {
    return { header: this.header ?? [], rows: this.rows };
  }
}

/** Names each header cell uniquely in one pass: each repeated name remembers the next number to try. */
function headerNames(cells: readonly string[]): string[] {
  const used = new Set<string>();
  const nextNumber = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.trim() || `Column ${index + 1}`;
    let name = base;
    let n = nextNumber.get(base) ?? 2;
    while (used.has(name)) {
      name = `${base} (${n})`;
      n += 1;
    }
    nextNumber.set(base, n);
    used.add(name);
    return name;
  });
}

/** The same as readPlanFile, for a file that arrived as bytes (e.g. attached in a Teams chat). */
export async function readPlanBytes(bytes: Uint8Array, fileName: string, options: PlanReadOptions = {}): Promise<PlanTable> {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === '.csv') return readCsvBytes(bytes, fileName, options);
  if (extension === '.xlsx') {
    checkFileSize(bytes.byteLength, fileName);
    const budget = new ReadBudget(fileName, options.clock);
    await checkWorkbookZip(bytes, fileName, budget);
    return readWorkbook(fileName, budget, (workbook) => workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer).then(() => undefined));
  }
  throw new Error(`cannot read ${fileName}: expected a .csv or .xlsx file`);
}

async function readWorkbook(name: string, budget: ReadBudget, load: (workbook: Workbook) => Promise<void>): Promise<PlanTable> {
  // Loaded on first use: exceljs is large, and most bots never receive a workbook.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  try {
    await load(workbook);
  } catch (error) {
    throw new Error(`cannot read ${name} as an Excel workbook: ${(error as Error).message}`);
  }
  budget.check();
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`cannot read ${name}: the workbook has no worksheets`);
  const table = new TableBuilder(name, budget);
  let rowsSeen = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    rowsSeen += 1;
    if (rowsSeen % 100 === 0) budget.check();
    // Only the cells that exist: a sheet can put one cell in column 16,384 of every row.
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const text = cellText(cell);
      if (text === '') return;
      if (column > PLAN_FILE_LIMITS.maxColumns) throw tooManyColumns(name, rowNumber, column);
      while (cells.length < column - 1) cells.push('');
      cells[column - 1] = text;
    });
    table.add(rowNumber, cells);
  });
  return table.build();
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
