// The entries of a zip archive (stored or deflated, no ZIP64, no encryption), inflated on demand with
// Node's own zlib and never past MAX_PART_BYTES: the declared size is checked first, and the inflater is
// stopped at the limit whatever the archive claims. What this reader does not handle raises NotPlainXlsx
// (the caller reads the file with the full reader instead); a broken archive raises DamagedFile.
import { inflateRawSync } from 'node:zlib';
import { MAX_PART_BYTES, partTooLarge } from '../read/limits.js';

/** Thrown when a workbook uses something the fast reader does not handle: read it with the full reader instead. */
export class NotPlainXlsx extends Error {}

/** The file is not what it claims to be, or is cut short: no reader will open it. */
export class DamagedFile extends Error {}

export interface ZipEntry {
  /** Uncompressed size as the directory declares it. */
  declared: number;
  /** The uncompressed bytes; `what` names the part in a refusal ("工作表“花名册”"). */
  read(what?: string): Buffer;
}

/** Entry name → its entry. */
export function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end of the file.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new DamagedFile('no end of central directory (truncated zip?)');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new NotPlainXlsx('zip64');
  const out = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new DamagedFile('bad central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const declared = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (flags & 1) throw new NotPlainXlsx('encrypted entry');
    if (method !== 0 && method !== 8) throw new NotPlainXlsx(`compression method ${method}`);
    if (csize === 0xffffffff || declared === 0xffffffff || local === 0xffffffff) throw new NotPlainXlsx('zip64');
    out.set(name.replace(/\\/g, '/'), {
      declared,
      read(what = name) {
        if (declared > MAX_PART_BYTES) throw partTooLarge(what, declared);
        if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new DamagedFile(`bad local header for ${name}`);
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        if (start + csize > buf.length) throw new DamagedFile(`${name} runs past the end of the file`);
        const data = buf.subarray(start, start + csize);
        if (method === 0) return data;
        try {
          return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw partTooLarge(what, undefined);
          throw new DamagedFile(`${name}: ${(e as Error).message}`);
        }
      },
    });
  }
  return out;
}
