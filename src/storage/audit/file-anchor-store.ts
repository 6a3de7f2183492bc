import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuditAnchor, AuditAnchorStore } from '../../domain/audit/audit-anchor';
import { anchorLine, parseAnchorLines } from './anchor-lines';

/**
 * Local runs' anchors: a file only ever opened for appending, beside the local data. It is only as
 * safe as the machine, which is fine for a laptop; production anchors go to the immutable blob container.
 */
export class FileAnchorStore implements AuditAnchorStore {
  constructor(private readonly file: string) {}

  async append(anchor: AuditAnchor): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, anchorLine(anchor), { flag: 'a', mode: 0o600 });
  }

  async list(partnershipId: string): Promise<AuditAnchor[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return parseAnchorLines(text, partnershipId, this.file);
  }
}
