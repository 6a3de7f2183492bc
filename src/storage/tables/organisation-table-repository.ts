import type { TableClient } from '@azure/data-tables';
import { organisationSchema, type Organisation } from '../../domain/partnership/organisation';
import type { ChangeAuthor, OrganisationRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { encodeKey, encodeLongKey } from './key-encoding';
import { readDocument, readDocumentsWithPrefix, writeWithHistory } from './versioned-document';

const CURRENT_PREFIX = 'org_';

/** RowKey of an organisation's current row. Long keys are hashed, so a lookup with any id is safe. */
export const organisationRowKey = (organisationId: string): string => `${CURRENT_PREFIX}${encodeLongKey(organisationId)}`;

/** Prefix of an organisation's history rows; outside the `org_` range, so list() never sees them. */
export const organisationHistoryPrefix = (organisationId: string): string => `history_org_${encodeLongKey(organisationId)}`;

/**
 * Organisations of a partnership, all in the partnership's partition: a current row per
 * organisation and a newest-first history row per change, written together.
 */
export class OrganisationTableRepository implements OrganisationRepository {
  constructor(private readonly table: TableClient) {}

  async list(partnershipId: string): Promise<Organisation[]> {
    const documents = await readDocumentsWithPrefix(this.table, encodeKey(partnershipId), CURRENT_PREFIX, 'list organisations');
    return documents
      .map((document) => parseOrThrow(organisationSchema, document, `a stored organisation of "${partnershipId}"`))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  async get(partnershipId: string, organisationId: string): Promise<Organisation | undefined> {
    const document = await readDocument(this.table, encodeKey(partnershipId), organisationRowKey(organisationId), 'read organisation');
    return document === undefined ? undefined : parseOrThrow(organisationSchema, document, `stored organisation "${organisationId}" of "${partnershipId}"`);
  }

  async save(partnershipId: string, organisation: Organisation, author: ChangeAuthor): Promise<void> {
    const valid = parseOrThrow(organisationSchema, organisation, 'organisation');
    await writeWithHistory(this.table, encodeKey(partnershipId), organisationRowKey(valid.id), valid, author, 'save organisation', organisationHistoryPrefix(valid.id));
  }
}
