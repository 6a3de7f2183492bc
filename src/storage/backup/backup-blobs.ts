import { PassThrough } from 'node:stream';
import type { TokenCredential } from '@azure/identity';
import type { ContainerClient } from '@azure/storage-blob';
import { managedIdentityCredential } from '../azure-identity';
import { blobServiceAt, blobServiceFromConnectionString } from '../blob-service';

/**
 * Table backups as blobs, one ndjson file a day, in a container of a storage account apart from the
 * tables, whose time-based immutability policy stops anyone (the bot included) deleting or
 * overwriting a backup before its retention ends. The bot signs in with its managed identity.
 */
export class BackupBlobs {
  constructor(private readonly container: ContainerClient) {}

  /** The container at a blob endpoint, reached with the managed identity (or an operator's az login). */
  static atEndpoint(blobEndpoint: string, container: string, managedIdentityClientId?: string, credential?: TokenCredential): BackupBlobs {
    const signIn = credential ?? managedIdentityCredential(managedIdentityClientId);
    return new BackupBlobs(blobServiceAt(blobEndpoint, signIn).getContainerClient(container));
  }

  /** A container reached with a connection string: Azurite in tests and local runs. */
  static withConnectionString(connectionString: string, container: string): BackupBlobs {
    return new BackupBlobs(blobServiceFromConnectionString(connectionString).getContainerClient(container));
  }

  /**
   * Writes a new blob from lines as they are produced, without holding the file in memory. A blob of
   * that name that exists already is not replaced: the immutability policy would refuse it anyway,
   * and a backup must never be overwritten by a later one.
   */
  async write<T>(name: string, produce: (writeLine: (line: string) => Promise<void>) => Promise<T>): Promise<T> {
    const stream = new PassThrough();
    const blob = this.container.getBlockBlobClient(name);
    const upload = blob.uploadStream(stream, 4 * 1024 * 1024, 4, {
      blobHTTPHeaders: { blobContentType: 'application/x-ndjson' },
      conditions: { ifNoneMatch: '*' },
    });
    // Keep the upload's failure observed while lines are still being produced.
    upload.catch(() => undefined);
    try {
      const result = await produce(async (line) => {
        if (!stream.write(`${line}\n`)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
      });
      stream.end();
      await upload;
      return result;
    } catch (error) {
      stream.destroy();
      throw error;
    }
  }

  /** Names of the backups kept, oldest first. */
  async list(): Promise<string[]> {
    const names: string[] = [];
    for await (const blob of this.container.listBlobsFlat()) names.push(blob.name);
    return names.sort();
  }

  /** The lines of one backup, for restoreTables. */
  async read(name: string): Promise<string[]> {
    const buffer = await this.container.getBlockBlobClient(name).downloadToBuffer();
    return buffer
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== '');
  }
}
