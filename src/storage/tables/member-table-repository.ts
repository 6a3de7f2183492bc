import type { TableClient } from '@azure/data-tables';
import { InvalidError } from '../../domain/errors';
import { memberSchema, type Member } from '../../domain/partnership/member';
import type { ChangeAuthor, MemberRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { encodeKey, encodeLongKey } from './key-encoding';
import { NotFoundError } from '../../domain/errors';
import { withTableErrors } from './table-errors';
import { readDocument, readDocumentsWithPrefix, readEntity, writeWithHistory } from './versioned-document';

const MEMBER_PREFIX = 'member_';
const REFERENCE_PREFIX = 'convref_';
/** The conversation reference rows, for the retention purge. */
export const CONVERSATION_REFERENCE_PREFIX = REFERENCE_PREFIX;

/**
 * A serialised ConversationReference is about 1-2 KB; 16 KiB leaves room for unusual ones and stays
 * far below the 64 KiB a Table string column holds. Keep in step with the memory repository.
 */
export const MAX_CONVERSATION_REFERENCE_CHARS = 16 * 1024;

/** RowKeys. aadObjectIds come from outside, so keys are encoded (and hashed if absurdly long). */
export const memberRowKey = (aadObjectId: string): string => `${MEMBER_PREFIX}${encodeLongKey(aadObjectId)}`;
export const memberHistoryPrefix = (aadObjectId: string): string => `history_member_${encodeLongKey(aadObjectId)}`;
export const conversationReferenceRowKey = (aadObjectId: string): string => `${REFERENCE_PREFIX}${encodeLongKey(aadObjectId)}`;

/**
 * Members of a partnership by AAD object id, in the partnership's partition: a current row per
 * member with newest-first history rows, and a separate row per person holding the conversation
 * reference for proactive 1:1 messages (overwritten whenever Teams sends a new one; no history).
 */
export class MemberTableRepository implements MemberRepository {
  constructor(private readonly table: TableClient) {}

  async list(partnershipId: string): Promise<Member[]> {
    const documents = await readDocumentsWithPrefix(this.table, encodeKey(partnershipId), MEMBER_PREFIX, 'list members');
    return documents
      .map((document) => parseOrThrow(memberSchema, document, `a stored member of "${partnershipId}"`))
      .sort((a, b) => a.name.localeCompare(b.name) || a.aadObjectId.localeCompare(b.aadObjectId));
  }

  async get(partnershipId: string, aadObjectId: string): Promise<Member | undefined> {
    const document = await readDocument(this.table, encodeKey(partnershipId), memberRowKey(aadObjectId), 'read member');
    return document === undefined ? undefined : parseOrThrow(memberSchema, document, `stored member "${aadObjectId}" of "${partnershipId}"`);
  }

  async save(partnershipId: string, member: Member, author: ChangeAuthor): Promise<void> {
    const valid = parseOrThrow(memberSchema, member, 'member');
    await writeWithHistory(this.table, encodeKey(partnershipId), memberRowKey(valid.aadObjectId), valid, author, 'save member', memberHistoryPrefix(valid.aadObjectId));
  }

  async saveConversationReference(partnershipId: string, aadObjectId: string, reference: string): Promise<void> {
    checkConversationReference(aadObjectId, reference);
    const entity = { partitionKey: encodeKey(partnershipId), rowKey: conversationReferenceRowKey(aadObjectId), aadObjectId, reference };
    await withTableErrors('save conversation reference', () => this.table.upsertEntity(entity, 'Replace'));
  }

  async getConversationReference(partnershipId: string, aadObjectId: string): Promise<string | undefined> {
    const entity = await readEntity(this.table, encodeKey(partnershipId), conversationReferenceRowKey(aadObjectId), 'read conversation reference');
    const reference = entity?.['reference'];
    return typeof reference === 'string' ? reference : undefined;
  }

  async forgetConversationReference(partnershipId: string, aadObjectId: string): Promise<boolean> {
    try {
      await withTableErrors('forget conversation reference', () => this.table.deleteEntity(encodeKey(partnershipId), conversationReferenceRowKey(aadObjectId)));
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }
}

function checkConversationReference(aadObjectId: string, reference: string): void {
  if (aadObjectId.length === 0) throw new InvalidError('a conversation reference needs the AAD object id of the person it reaches');
  if (reference.length === 0) throw new InvalidError('a conversation reference is empty');
  if (reference.length > MAX_CONVERSATION_REFERENCE_CHARS) {
    throw new InvalidError(`a conversation reference is too long to store (${reference.length} characters, at most ${MAX_CONVERSATION_REFERENCE_CHARS})`);
  }
}
