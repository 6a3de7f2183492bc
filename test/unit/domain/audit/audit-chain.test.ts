import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, chainEntry, valueHash, verifyChain } from '../../../../src/domain/audit/audit-chain';
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
