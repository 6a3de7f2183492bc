import type { TableTransactionResponse } from '@azure/data-tables';

/**
 * The new ETag of the entity written by operation `index` of a transaction. Sub-responses come back
 * in the order of the operations; the SDK's lookup by RowKey finds only inserts (it reads the key
 * from a Location header that updates do not have), and its ETag may carry the header line's `\r`.
 */
export function transactionEtag(response: TableTransactionResponse, index: number): string | undefined {
  return response.subResponses[index]?.etag?.trim() || undefined;
}
