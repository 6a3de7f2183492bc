import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseStatementTemplate, type StatementTemplate } from '../../domain/assurance/statement-template';
import { InvalidError, isDomainError } from '../../domain/errors';
import { PROJECT_ROOT } from '../../project-root';

/** The shipped statement: the assurances the Warwickshire OPCC's 2024 SOP asks each partner for. */
export const ASSURANCE_TEMPLATE_FILE = path.join(PROJECT_ROOT, 'src', 'data', 'assurance', 'warwickshire-sop-2024.json');

/** Reads and validates a statement template; a bad file refuses to load rather than ask for a broken statement. */
export function loadAssuranceTemplate(file: string = ASSURANCE_TEMPLATE_FILE): StatementTemplate {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InvalidError(`assurance template ${file} is not valid JSON`, [error instanceof Error ? error.message : String(error)]);
  }
  try {
    return parseStatementTemplate(json);
  } catch (error) {
    if (isDomainError(error)) throw new InvalidError(`assurance template ${file} is not valid`, error.details);
    throw error;
  }
}
