// Word files as tests read them: every XML part of the package, and the text of its runs.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

/** Every .xml part of a .docx (or any OOXML package), by name. */
export async function docxParts(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml')) out[name] = await zip.file(name)!.async('string');
  return out;
}

/** The text of the runs of an XML fragment, joined. */
export const runText = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
