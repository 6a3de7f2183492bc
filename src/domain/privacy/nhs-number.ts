/**
 * True when `digits` is ten digits whose last digit is the NHS modulus 11 check digit:
 * the first nine digits are weighted 10 down to 2 and summed; the check digit is
 * 11 minus the remainder mod 11, where 11 means 0 and 10 means no valid number exists.
 *
 * Ten identical digits ("0000000000", "1111111111") pass the arithmetic but are never issued,
 * and people type them as placeholders, so they are rejected.
 */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  if (/^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}
