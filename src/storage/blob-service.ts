import type { TokenCredential } from '@azure/identity';
import type { BlobServiceClient } from '@azure/storage-blob';

type BlobModule = typeof import('@azure/storage-blob');

/**
 * The Blob SDK is only for daily backups and audit anchors, and only when those go to a blob
 * container; local runs and a bot anchoring to a file never load it (docs/architecture.md, "What
 * loads at start").
 */
function blobModule(): BlobModule {
  return require('@azure/storage-blob') as BlobModule;
}

/** A blob service at an endpoint, signed in with a credential. */
export function blobServiceAt(blobEndpoint: string, credential: TokenCredential): BlobServiceClient {
  return new (blobModule().BlobServiceClient)(blobEndpoint, credential);
}

/** A blob service from a connection string (Azurite in tests and local runs). */
export function blobServiceFromConnectionString(connectionString: string): BlobServiceClient {
  return blobModule().BlobServiceClient.fromConnectionString(connectionString);
}
