import type { Storage, StoreItems } from 'botbuilder';
import type { StateDocumentTable } from '../storage/tables/state-document-table';

/**
 * Teams AI turn state on Azure Tables. botbuilder's Storage contract carries the ETag inside the
 * item as `eTag`; it is lifted out on write so the Table update is conditional on it.
 */
export class TableStateStorage implements Storage {
  constructor(private readonly documents: StateDocumentTable) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const document = await this.documents.read(key);
        if (document) items[key] = { ...document.value, eTag: document.etag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(([key, item]) => {
        const { eTag, ...value } = (item ?? {}) as Record<string, unknown>;
        return this.documents.write(key, value, typeof eTag === 'string' ? eTag : undefined);
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.documents.delete(key)));
  }
}
