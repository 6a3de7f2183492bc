import type { TokenCredential } from '@azure/identity';
import type { ContainerClient } from '@azure/storage-blob';
import type { AuditAnchor, AuditAnchorStore } from '../../domain/audit/audit-anchor';
import { managedIdentityCredential } from '../azure-identity';
import { blobServiceAt, blobServiceFromConnectionString } from '../blob-service';
import { encodeKey } from '../tables/key-encoding';
import { withTableErrors } from '../tables/table-errors';
import { anchorLine, parseAnchorLines } from './anchor-lines';

/**
 * Anchors as append blobs in the backup account's anchor container, whose time-based immutability
 * policy allows appends but no overwrite or delete. One blob per deployment (table prefix),
 * partnership and year keeps each blob well under the 50,000 appends an append blob can take.
 */
export class BlobAnchorStore implements AuditAnchorStore {
  constructor(
    private readonly container: ContainerClient,
    private readonly tableNamePrefix: string,
  ) {}

  static atEndpoint(blobEndpoint: string, container: string, tableNamePrefix: string, managedIdentityClientId?: string, credential?: TokenCredential): BlobAnchorStore {
    const signIn = credential ?? managedIdentityCredential(managedIdentityClientId);
    return new BlobAnchorStore(blobServiceAt(blobEndpoint, signIn).getContainerClient(container), tableNamePrefix);
  }

  /** Azurite in tests and local runs. */
  static withConnectionString(connectionString: string, container: string, tableNamePrefix: string): BlobAnchorStore {
    return new BlobAnchorStore(blobServiceFromConnectionString(connectionString).getContainerClient(container), tableNamePrefix);
  }

  private folder(partnershipId: string): string {
    return `${this.tableNamePrefix}/${encodeKey(partnershipId)}/`;
  }

  async append(anchor: AuditAnchor): Promise<void> {
    const blob = this.container.getAppendBlobClient(`${this.folder(anchor.partnershipId)}${anchor.at.slice(0, 4)}.ndjson`);
    const line = anchorLine(anchor);
    await withTableErrors('write the audit anchor', async () => {
      await blob.createIfNotExists({ blobHTTPHeaders: { blobContentType: 'application/x-ndjson' } });
      await blob.appendBlock(line, Buffer.byteLength(line));
    });
  }

  async list(partnershipId: string): Promise<AuditAnchor[]> {
    return withTableErrors('read the audit anchors', async () => {
      const names: string[] = [];
      for await (const blob of this.container.listBlobsFlat({ prefix: this.folder(partnershipId) })) names.push(blob.name);
      const anchors: AuditAnchor[] = [];
      for (const name of names.sort()) {
        const text = (await this.container.getAppendBlobClient(name).downloadToBuffer()).toString('utf8');
        anchors.push(...parseAnchorLines(text, partnershipId, `anchor blob ${name}`));
      }
      return anchors;
    });
  }
}
