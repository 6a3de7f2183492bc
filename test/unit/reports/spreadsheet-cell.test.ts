import { neutraliseCell } from '../../../src/reports/spreadsheet-cell';

describe('neutraliseCell', () => {
  it.each([
    ['=', '=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+', '+44 24 7641 2000', "'+44 24 7641 2000"],
    ['-', '-2 panel members short', "'-2 panel members short"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab', '\t=cmd|" /C calc"!A0', '\'\t=cmd|" /C calc"!A0'],
    ['a carriage return', '\r=1+1', "'\r=1+1"],
  ])('puts a single quote before a value starting with %s', (_name, value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it.each(['Achieving', 'Minutes of the board, item 4', "'already quoted", ' =with a leading space', '2026/27 Q3', ''])('leaves %j as it is', (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });

  it('leaves a trigger character later in the value alone', () => {
    expect(neutraliseCell('Score = 77%')).toBe('Score = 77%');
  });
});
