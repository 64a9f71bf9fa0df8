// Baseline 3 of issue 7: runs bench/auditFloor.sql — the aggregates the audit needs — alone through
// better-sqlite3 on the organ database, reading every result row. Usage: node bench/auditFloor.js DB YEAR
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [file, year = '2026'] = process.argv.slice(2);
const sql = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'auditFloor.sql'), 'utf8');
const statements = sql.replace(/--.*$/gm, '').split(';').map((s) => s.trim()).filter(Boolean);
const db = new Database(file, { readonly: true });
const y = Number(year);
// The audit loads its year with a week either side (ISO weeks reach into the neighbouring years).
const params = { from: `${y - 1}-12-25`, to: `${y + 1}-01-08` };
let rows = 0;
for (const s of statements) {
  const st = db.prepare(s);
  rows += (s.includes(':from') ? st.raw(true).all(params) : st.raw(true).all()).length;
}
db.close();
process.stdout.write(JSON.stringify({ statements: statements.length, rows }) + '\n');
