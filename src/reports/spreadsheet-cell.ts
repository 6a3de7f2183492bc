/**
 * Characters that make Excel, LibreOffice Calc or Google Sheets read a cell as a formula (or a DDE
 * command) when a value starts with one. Supporting details and progress notes are typed by
 * partners, so an exported cell must never run as a formula on the board's machines.
 */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/** Text as it is safe to put in a spreadsheet cell: a leading trigger gets a single quote before it. */
export function neutraliseCell(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.includes(value[0]!) ? `'${value}` : value;
}
