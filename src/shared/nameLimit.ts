// The longest file name the file systems people use take — ext4, XFS, APFS, exFAT: 255 bytes of UTF-8;
// NTFS: 255 UTF-16 units, never fewer than the bytes — so that the files written beside a target (a
// temporary copy, a .partial backup and its -journal) never fail for a name the user's system accepts.
export const NAME_LIMIT = 255;

/** `name` cut on a character boundary so that `extra` more bytes still fit within NAME_LIMIT (unchanged
 * when they do): an 82-character Chinese name (245 bytes) is valid, its temporary name must be too. */
export function nameRoom(name: string, extra: number): string {
  const room = NAME_LIMIT - extra;
  if (Buffer.byteLength(name) <= room) return name;
  let kept = '';
  let bytes = 0;
  for (const ch of name) {
    bytes += Buffer.byteLength(ch);
    if (bytes > room) break;
    kept += ch;
  }
  return kept;
}
