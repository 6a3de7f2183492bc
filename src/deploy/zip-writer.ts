import { closeSync, openSync, writeSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

interface CentralEntry {
  readonly name: Buffer;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
  readonly mode: number;
}

const UTF8_NAMES = 0x0800;
const MAX_32 = 0xffffffff;
// 1980-01-01 00:00, the earliest DOS date: every build of the same files gives the same zip.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A zip file written entry by entry, so a deploy package of tens of thousands of files never sits in
 * memory whole. The production node_modules alone hold more than 65,535 files, beyond the classic
 * zip format's entry count, so the end record is ZIP64 when needed (JSZip cannot write that).
 */
export class ZipWriter {
  private readonly fd: number;
  private readonly entries: CentralEntry[] = [];
  private position = 0;
  private closed = false;
  // Writes are gathered into large chunks: three small writes per file would be 200,000 system calls.
  private readonly pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  get count(): number {
    return this.entries.length;
  }

  add(name: string, data: Buffer, mode = 0o644): void {
    if (this.closed) throw new Error('zip already closed');
    // Tiny files do not shrink; deflating tens of thousands of them only costs time.
    const deflated = data.length < 128 ? data : deflateRawSync(data);
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const nameBytes = Buffer.from(name, 'utf8');
    if (this.position + 30 + nameBytes.length + body.length > MAX_32 || data.length > MAX_32) {
      throw new Error(`zip would pass 4 GiB at ${name}; split the package`);
    }
    const entry: CentralEntry = {
      name: nameBytes,
      method: stored ? 0 : 8,
      crc: crc32(data),
      compressedSize: body.length,
      size: data.length,
      offset: this.position,
      mode,
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressedSize, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.write(header);
    this.write(nameBytes);
    this.write(body);
    this.entries.push(entry);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const directoryOffset = this.position;
    for (const entry of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE((3 << 8) | 45, 4); // made on Unix, so the file mode below is read
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(UTF8_NAMES, 8);
      header.writeUInt16LE(entry.method, 10);
      header.writeUInt16LE(DOS_TIME, 12);
      header.writeUInt16LE(DOS_DATE, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressedSize, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      header.writeUInt32LE(((0o100000 | (entry.mode & 0o777)) << 16) >>> 0, 38);
      header.writeUInt32LE(entry.offset, 42);
      this.write(header);
      this.write(entry.name);
    }
    const directorySize = this.position - directoryOffset;
    if (this.entries.length > 0xffff || directoryOffset + directorySize > MAX_32) this.writeZip64End(directoryOffset, directorySize);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(this.entries.length, 0xffff), 8);
    end.writeUInt16LE(Math.min(this.entries.length, 0xffff), 10);
    end.writeUInt32LE(Math.min(directorySize, MAX_32), 12);
    end.writeUInt32LE(Math.min(directoryOffset, MAX_32), 16);
    this.write(end);
    this.flush();
    closeSync(this.fd);
  }

  private writeZip64End(directoryOffset: number, directorySize: number): void {
    const recordOffset = this.position;
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE((3 << 8) | 45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(this.entries.length), 24);
    record.writeBigUInt64LE(BigInt(this.entries.length), 32);
    record.writeBigUInt64LE(BigInt(directorySize), 40);
    record.writeBigUInt64LE(BigInt(directoryOffset), 48);
    this.write(record);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(recordOffset), 8);
    locator.writeUInt32LE(1, 16);
    this.write(locator);
  }

  private write(bytes: Buffer): void {
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.position += bytes.length;
    if (this.pendingBytes >= 1 << 20) this.flush();
  }

  private flush(): void {
    const chunk = Buffer.concat(this.pending, this.pendingBytes);
    this.pending.length = 0;
    this.pendingBytes = 0;
    let done = 0;
    while (done < chunk.length) done += writeSync(this.fd, chunk, done, chunk.length - done);
  }
}
