// The entries of a plain .xlsx zip archive (stored or deflated, no ZIP64, no encryption), inflated
// on demand with Node's own zlib. Anything else raises NotPlainXlsx and the caller falls back to exceljs.
import { inflateRawSync } from 'node:zlib';

/** Thrown when a workbook uses something the fast reader does not handle: read it with exceljs instead. */
export class NotPlainXlsx extends Error {}

/** Entry name → a function returning its uncompressed bytes. */
export function zipEntries(buf: Buffer): Map<string, () => Buffer> {
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end of the file.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new NotPlainXlsx('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new NotPlainXlsx('zip64');
  const out = new Map<string, () => Buffer>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new NotPlainXlsx('bad central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (flags & 1) throw new NotPlainXlsx('encrypted entry');
    if (method !== 0 && method !== 8) throw new NotPlainXlsx(`compression method ${method}`);
    if (size === 0xffffffff || local === 0xffffffff) throw new NotPlainXlsx('zip64');
    out.set(name, () => {
      if (buf.readUInt32LE(local) !== 0x04034b50) throw new NotPlainXlsx('bad local header');
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    });
  }
  return out;
}
