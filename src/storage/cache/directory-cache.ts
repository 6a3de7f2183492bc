import type { Member } from '../../domain/partnership/member';
import type { Organisation } from '../../domain/partnership/organisation';
import type { Partnership } from '../../domain/partnership/partnership';
import type { ChangeAuthor, MemberRepository, OrganisationRepository, PartnershipRepository } from '../../domain/ports';
import { TtlCache } from './ttl-cache';

/**
 * How long this instance trusts what it read about who is who: a partnership's tenants, its members
 * and roles, its organisations. Nearly every turn needs them and they change a few times a year, so
 * a turn reads them from here instead of storage. A change made through this instance (the Prevent
 * Officer's member and organisation forms, an import from the bot) takes effect at once; one made
 * elsewhere (another instance, a command-line tool) within this time. docs/architecture.md says so.
 */
export const DIRECTORY_CACHE_MS = 30_000;

const key = (...parts: string[]) => parts.join('\u0000');

export interface DirectoryCacheOptions {
  readonly ttlMs?: number;
  readonly clock?: () => number;
}

/** The partnership of a tenant, and a partnership by id; a save forgets everything (it may move tenants). */
export class CachedPartnershipRepository implements PartnershipRepository {
  private readonly byTenant: TtlCache<Partnership | undefined>;
  private readonly byId: TtlCache<Partnership | undefined>;

  constructor(
    private readonly inner: PartnershipRepository,
    options: DirectoryCacheOptions = {},
  ) {
    this.byTenant = new TtlCache(options.ttlMs ?? DIRECTORY_CACHE_MS, options.clock);
    this.byId = new TtlCache(options.ttlMs ?? DIRECTORY_CACHE_MS, options.clock);
  }

  get = (partnershipId: string) => this.byId.get(partnershipId, () => this.inner.get(partnershipId));
  findByTenant = (tenantId: string) => this.byTenant.get(tenantId, () => this.inner.findByTenant(tenantId));
  listIds = () => this.inner.listIds();

  async save(partnership: Partnership, author: ChangeAuthor): Promise<void> {
    try {
      await this.inner.save(partnership, author);
    } finally {
      this.byTenant.clear();
      this.byId.clear();
    }
  }
}

/**
 * Members by person (someone who is not a member is remembered as such too, so staff asking for the
 * referral pathway cost no read) and each partnership's list. Conversation references are not
 * cached: they are read only when a message is about to be sent, and written by the turn that brings them.
 */
export class CachedMemberRepository implements MemberRepository {
  private readonly people: TtlCache<Member | undefined>;
  private readonly lists: TtlCache<Member[]>;

  constructor(
    private readonly inner: MemberRepository,
    options: DirectoryCacheOptions = {},
  ) {
    this.people = new TtlCache(options.ttlMs ?? DIRECTORY_CACHE_MS, options.clock);
    this.lists = new TtlCache(options.ttlMs ?? DIRECTORY_CACHE_MS, options.clock);
  }

  get = (partnershipId: string, aadObjectId: string) => this.people.get(key(partnershipId, aadObjectId), () => this.inner.get(partnershipId, aadObjectId));
  /** A copy each time: a caller sorting its list must not reorder everyone else's. */
  list = async (partnershipId: string) => [...(await this.lists.get(partnershipId, () => this.inner.list(partnershipId)))];
  saveConversationReference = (partnershipId: string, aadObjectId: string, reference: string) => this.inner.saveConversationReference(partnershipId, aadObjectId, reference);
  getConversationReference = (partnershipId: string, aadObjectId: string) => this.inner.getConversationReference(partnershipId, aadObjectId);
  forgetConversationReference = (partnershipId: string, aadObjectId: string) => this.inner.forgetConversationReference(partnershipId, aadObjectId);

  async save(partnershipId: string, member: Member, author: ChangeAuthor): Promise<void> {
    try {
      await this.inner.save(partnershipId, member, author);
    } finally {
      // Forgotten even when the save failed: it may have been written before the failure was seen.
      this.people.forget(key(partnershipId, member.aadObjectId));
      this.lists.forget(partnershipId);
    }
  }
}

/** A partnership's organisations: every card naming an owner, and the privacy screen's partner names, read them. */
export class CachedOrganisationRepository implements OrganisationRepository {
  private readonly lists: TtlCache<Organisation[]>;

  constructor(
    private readonly inner: OrganisationRepository,
    options: DirectoryCacheOptions = {},
  ) {
    this.lists = new TtlCache(options.ttlMs ?? DIRECTORY_CACHE_MS, options.clock);
  }

  /** A copy each time: a caller sorting its list must not reorder everyone else's. */
  list = async (partnershipId: string) => [...(await this.lists.get(partnershipId, () => this.inner.list(partnershipId)))];

  async get(partnershipId: string, organisationId: string): Promise<Organisation | undefined> {
    return (await this.list(partnershipId)).find((organisation) => organisation.id === organisationId);
  }

  async save(partnershipId: string, organisation: Organisation, author: ChangeAuthor): Promise<void> {
    try {
      await this.inner.save(partnershipId, organisation, author);
    } finally {
      this.lists.forget(partnershipId);
    }
  }
}
