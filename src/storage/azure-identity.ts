import type { TokenCredential } from '@azure/identity';

/**
 * The bot's managed identity (or, on an operator's machine, their `az login`), for Table and Blob
 * storage alike. @azure/identity is loaded only here and only when asked for, so local runs with
 * Azurite connection strings never pay for it.
 */
export function managedIdentityCredential(clientId: string | undefined): TokenCredential {
  const { DefaultAzureCredential } = require('@azure/identity') as typeof import('@azure/identity');
  return new DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {});
}
