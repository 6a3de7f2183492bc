import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, chainEntry, keyedValueHash, valueHash, verifyChain } from '../../../../src/domain/audit/audit-chain';
import { hmacValueHasher } from '../../../../src/storage/audit/audit-value-key';
import type { AuditEntry, AuditHead } from '../../../../src/domain/audit/audit-entry';
import { sha256Hex } from '../../../../src/domain/audit/sha256';
import { auditEvent } from '../../../support/audit-log-contract';

function chainOf(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < length; i++) {
    const last = entries[i - 1];
    entries.push(chainEntry('warwickshire', last ? { sequence: last.sequence, hash: last.hash } : undefined, auditEvent({ entity: `action:1.${i + 1}` })));
  }
  return entries;
}

const headOf = (entries: readonly AuditEntry[]): AuditHead => ({ sequence: entries.at(-1)!.sequence, hash: entries.at(-1)!.hash });

describe('sha256Hex', () => {
  it('gives the same digest as node:crypto for any text, including non-ASCII', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256Hex(text) === createHash('sha256').update(text, 'utf8').digest('hex')));
  });

  it('gives the same digest as node:crypto across block boundaries', () => {
    for (const length of [0, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const text = 'x'.repeat(length);
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });
});

describe('canonicalJson', () => {
  it('writes the same text whatever order the keys were added in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [1, { e: 3, f: 2 }] }, b: 1 }));
  });

  it('leaves out undefined properties, as stored JSON would', () => {
    expect(valueHash({ a: 1, b: undefined })).toBe(valueHash({ a: 1 }));
  });
});

describe('verifyChain', () => {
  it('finds an untouched chain intact', () => {
    const entries = chainOf(4);
    expect(verifyChain(entries, headOf(entries))).toEqual({ intact: true, entries: 4 });
  });

  it('reports an edited row by its sequence', () => {
    const entries = chainOf(4);
    entries[2] = { ...entries[2]!, verb: 'member-save' };
    expect(verifyChain(entries, headOf(entries))).toMatchObject({ intact: false, sequence: 3, problem: 'edited row' });
  });

  it('reports a row rewritten with a fresh hash, because the next row no longer follows it', () => {
    const entries = chainOf(4);
    const { hash: _old, ...rest } = { ...entries[1]!, actorId: 'aad-someone-else' };
    entries[1] = chainEntry('warwickshire', { sequence: 1, hash: entries[0]!.hash }, { ...rest });
    expect(verifyChain(entries, headOf(entries))).toMatchObject({ intact: false, sequence: 3, problem: 'reordered row' });
  });

  it('reports a missing row in the middle', () => {
    const entries = chainOf(4);
    entries.splice(1, 1);
    expect(verifyChain(entries, headOf(entries))).toMatchObject({ intact: false, sequence: 2, problem: 'missing row' });
  });

  it('reports rows missing from the end, which only the head knows about', () => {
    const entries = chainOf(4);
    const head = headOf(entries);
    expect(verifyChain(entries.slice(0, 3), head)).toMatchObject({ intact: false, sequence: 4, problem: 'missing row' });
  });

  it('reports two rows swapped', () => {
    const entries = chainOf(4);
    [entries[1], entries[2]] = [entries[2]!, entries[1]!];
    expect(verifyChain(entries, headOf(entries))).toMatchObject({ intact: false, sequence: 2, problem: 'reordered row' });
  });
});

describe('entry formats', () => {
  /** Two rows as the log stored them before value hashes were keyed (format 1: no valueHashing field). */
  const formatOne: AuditEntry[] = [
    {
      partnershipId: 'warwickshire',
      sequence: 1,
      at: '2026-10-01T09:00:00.000Z',
      actorId: 'aad-police',
      verb: 'action-update',
      entity: 'action:3.1',
      afterHash: 'a'.repeat(64),
      previousHash: '0'.repeat(64),
      hash: '1a65dfe29be5c3aea8e5ea8290f364e758784628ad195a6beac24620c004b36a',
    },
    {
      partnershipId: 'warwickshire',
      sequence: 2,
      at: '2026-10-02T09:00:00.000Z',
      actorId: 'aad-officer',
      verb: 'member-save',
      entity: 'member:aad-lead',
      beforeHash: 'b'.repeat(64),
      afterHash: 'c'.repeat(64),
      previousHash: '1a65dfe29be5c3aea8e5ea8290f364e758784628ad195a6beac24620c004b36a',
      hash: '7fc61095d27e658fcad051ff9a4f7ae866a03e7812b521c2f388d2ca82f3fa6e',
    },
  ];

  it('still verifies entries stored before value hashes were keyed, and a keyed entry appended after them', () => {
    const hasher = hmacValueHasher('a-test-audit-key-of-at-least-32-characters');
    const keyed = chainEntry('warwickshire', headOf(formatOne), auditEvent({ afterHash: keyedValueHash({ status: 'done' }, hasher), valueHashing: 'hmac-sha256' }));
    const chain = [...formatOne, keyed];
    expect(verifyChain(chain, headOf(chain))).toEqual({ intact: true, entries: 3 });
  });

  it('covers the hashing scheme with the entry hash: relabelling a keyed entry as plain is an edit', () => {
    const keyed = chainEntry('warwickshire', undefined, auditEvent({ afterHash: 'd'.repeat(64), valueHashing: 'hmac-sha256' }));
    const { valueHashing: _dropped, ...relabelled } = keyed;
    expect(verifyChain([relabelled], headOf([keyed]))).toMatchObject({ intact: false, problem: 'edited row', sequence: 1 });
  });
});
