import type { TableClient } from '@azure/data-tables';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { encodeLongKey } from './key-encoding';
import { withTableErrors } from './table-errors';
import { readEntity } from './versioned-document';

const ROW = 'state';

export interface StoredDocument {
  readonly value: Record<string, unknown>;
  readonly etag: string;
}

/**
 * JSON documents by arbitrary string key (bot turn state). Keys are encoded because Teams AI state
 * keys contain "/"; writes that carry an ETag are conditional, so two turns racing on the same
 * conversation cannot silently overwrite each other.
 */
export class StateDocumentTable {
  constructor(private readonly table: TableClient) {}

  async read(key: string): Promise<StoredDocument | undefined> {
    const entity = await readEntity(this.table, encodeLongKey(key), ROW, 'read bot state');
    return entity ? { value: fromJsonColumns(entity) as Record<string, unknown>, etag: String(entity['etag']) } : undefined;
  }

  /** Writes the document; with an ETag other than "*", only if nobody changed it since. */
  async write(key: string, value: Record<string, unknown>, etag?: string): Promise<void> {
    const entity = { partitionKey: encodeLongKey(key), rowKey: ROW, ...toJsonColumns(value) };
    await withTableErrors('save bot state', async () => {
      if (etag && etag !== '*') {
        await this.table.updateEntity(entity, 'Replace', { etag });
      } else {
        await this.table.upsertEntity(entity, 'Replace');
      }
    });
  }

  async delete(key: string): Promise<void> {
    await withTableErrors('delete bot state', async () => {
      try {
        await this.table.deleteEntity(encodeLongKey(key), ROW);
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      }
    });
  }
}
