import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { crc32, ZipWriter } from '../../../src/deploy/zip-writer';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'ppb-zip-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

function write(entries: readonly (readonly [string, Buffer])[]): Buffer {
  const file = path.join(directory, 'out.zip');
  const zip = new ZipWriter(file);
  for (const [name, data] of entries) zip.add(name, data);
  zip.close();
  return readFileSync(file);
}

describe('ZipWriter', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('writes files a zip reader gets back byte for byte, compressed or stored', async () => {
    const text = Buffer.from('module.exports = 1;\n'.repeat(200));
    const random = Buffer.from(Array.from({ length: 300 }, (_v, i) => (i * 7919) % 251));
    const zip = await JSZip.loadAsync(write([['dist/src/index.js', text], ['node_modules/a/b.bin', random]]));
    expect([await zip.file('dist/src/index.js')!.async('nodebuffer'), await zip.file('node_modules/a/b.bin')!.async('nodebuffer')]).toEqual([text, random]);
  });

  it('keeps non-ASCII file names', async () => {
    const zip = await JSZip.loadAsync(write([['cards/café.json', Buffer.from('{}')]]));
    expect(Object.keys(zip.files)).toEqual(['cards/café.json']);
  });

  it('writes the same bytes for the same files (no time stamps)', () => {
    const entries = [['package.json', Buffer.from('{"name":"x"}')]] as const;
    expect(write(entries).equals(write(entries))).toBe(true);
  });

  it('holds more than 65,535 files, as the production node_modules need (ZIP64 end record)', async () => {
    const count = 65_540;
    const entries = Array.from({ length: count }, (_v, i) => [`f/${i}`, Buffer.from(String(i))] as const);
    const zip = await JSZip.loadAsync(write(entries));
    expect([Object.keys(zip.files).length, await zip.file('f/65539')!.async('string')]).toEqual([count, '65539']);
  }, 60_000);
});
