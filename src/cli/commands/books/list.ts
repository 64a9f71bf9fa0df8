// `books list`: the catalogue (by category, recommended, required year, on the shelf), with copies and where they are.
import { listCatalogue, type ListedBook } from '../../../app/books/catalogue.js';
import { libraryField } from '../../../domain/libraryCatalogue.js';
import type { AppContext } from '../../context.js';
import { printListing, type Column } from '../../output.js';
import { parseFlagValue } from '../../args/evidenceFlags.js';

export interface BooksListOptions {
  category?: string;
  recommended?: boolean;
  required?: string;
  available?: boolean;
}

const COLUMNS: Column<ListedBook>[] = [
  { header: '编号', value: (b) => b.id, align: 'right' },
  { header: '书名', value: (b) => b.title },
  { header: '作者', value: (b) => b.author },
  { header: '类别', value: (b) => b.category },
  { header: '册数', value: (b) => b.copies, align: 'right' },
  { header: '在架', value: (b) => b.available, align: 'right' },
  { header: '位置', value: (b) => b.shelf },
  { header: '书记荐书', value: (b) => (b.recommended ? `是${b.recommendedBy ? `（${b.recommendedBy}）` : ''}` : '') },
  { header: '必学年度', value: (b) => b.requiredYear },
];

export async function runBooksList(ctx: AppContext, opts: BooksListOptions): Promise<void> {
  const category = opts.category === undefined ? undefined : parseFlagValue(libraryField('category'), opts.category) as string;
  const year = opts.required === undefined ? undefined : parseFlagValue(libraryField('requiredYear'), opts.required) as number;
  const db = await ctx.openDb({ readonly: true });
  const rows = listCatalogue(db, { category, recommended: opts.recommended, requiredYear: year }, !!opts.available);
  const lent = rows.reduce((s, b) => s + b.out, 0);
  printListing(ctx, rows, COLUMNS, rows, rows.length ? `共 ${rows.length} 种 ${rows.reduce((s, b) => s + b.copies, 0)} 册，借出 ${lent} 册` : '书目库中没有符合条件的书（可用 shuxiang books add 或 books import 添加）。');
}
