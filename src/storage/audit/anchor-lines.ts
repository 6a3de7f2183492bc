import { auditAnchorSchema, type AuditAnchor } from '../../domain/audit/audit-anchor';
import { InvalidError } from '../../domain/errors';

/** One anchor per line, as JSON: readable with any text tool, appendable without reading. */
export const anchorLine = (anchor: AuditAnchor): string => `${JSON.stringify(auditAnchorSchema.parse(anchor))}\n`;

/** The anchors of one partnership in a file's text; a line that is not an anchor is reported, never skipped. */
export function parseAnchorLines(text: string, partnershipId: string, where: string): AuditAnchor[] {
  const anchors: AuditAnchor[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    const result = auditAnchorSchema.safeParse(parsed);
    if (!result.success) throw new InvalidError(`${where} line ${index + 1} is not an audit anchor`);
    if (result.data.partnershipId === partnershipId) anchors.push(result.data);
  });
  return anchors;
}
