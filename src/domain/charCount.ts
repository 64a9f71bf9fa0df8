// How long an essay is, counted the way a secretary counts “字数” for the 1,500-character quotas:
// Chinese characters, letters and digits; punctuation, spaces and line breaks do not count.

/** Characters that count: any letter (CJK ideographs included) or digit. */
export function countChars(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}
