import path from 'node:path';
import { LOCAL_DATA_DIRECTORY, type Config } from '../../config';
import type { AuditAnchorStore } from '../../domain/audit/audit-anchor';
import type { ValueHasher } from '../../domain/audit/audit-chain';
import { BlobAnchorStore } from './blob-anchor-store';
import { FileAnchorStore } from './file-anchor-store';
import { hmacValueHasher, localAuditKey } from './audit-value-key';

/** Where this deployment's anchors go: the immutable blob container, or the local append-only file. */
export function anchorStoreFor(config: Pick<Config, 'audit' | 'tableNamePrefix'>): AuditAnchorStore {
  const anchors = config.audit.anchors;
  return 'file' in anchors
    ? new FileAnchorStore(anchors.file)
    : BlobAnchorStore.atEndpoint(anchors.blobEndpoint, anchors.container, config.tableNamePrefix, anchors.managedIdentityClientId);
}

/**
 * The value hasher under the configured key, or (local runs, and tools given no audit settings) the
 * key generated once into the local data folder.
 */
export function valueHasherFor(config: Partial<Pick<Config, 'audit'>>): ValueHasher {
  const key = config.audit?.hashKey ?? localAuditKey(path.join(config.audit?.localDirectory ?? LOCAL_DATA_DIRECTORY, 'audit-hash-key'));
  return hmacValueHasher(key);
}
