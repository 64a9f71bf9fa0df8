// The reading room's catalogue sheet: the book catalogue's columns (书名, 作者, ISBN, 类别, 书记荐书, …)
// plus 册数 and 存放位置. `books add` flags, `books import`, `import --kind books` and `template books`
// all use this one description.
import { BOOK_CATALOGUE, type EvidenceField, type RecordSpec } from './evidenceKinds.js';

const LIBRARY_FIELDS: EvidenceField[] = [
  { key: 'copies', label: '册数', synonyms: ['数量', '本数', '复本数', '藏书册数'], type: 'int', min: 0, max: 10000, flag: '--copies <册数>', help: '阅览室有几册（默认 1；0 表示只登记书目、不外借）', example: 2, width: 8 },
  { key: 'shelf', label: '存放位置', synonyms: ['位置', '书架', '架位', '存放书架', '书架位置'], type: 'text', flag: '--shelf <位置>', help: '存放位置，如 A-3 或“二楼图书角 2 号架”', example: 'A-3', width: 14 },
];

/** The catalogue as a sheet and as flags. */
export const LIBRARY_CATALOGUE: RecordSpec = {
  ...BOOK_CATALOGUE,
  description: '书目库：书名、作者、类别、册数、存放位置，书记荐书和必学书目标记',
  fields: [...BOOK_CATALOGUE.fields, ...LIBRARY_FIELDS],
};

/** A catalogue field by key. */
export function libraryField(key: string): EvidenceField {
  return LIBRARY_CATALOGUE.fields.find((f) => f.key === key)!;
}
