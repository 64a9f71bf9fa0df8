// The use cases of audit, report, rank, rules and member called directly on the demo database: what they
// return is what the commands print as JSON (the commands add nothing but flags and rendering), and their
// refusals hold without argv or a terminal.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../src/app/members/addMember.js';
import { editChanges, editPatch, leaveMember } from '../../src/app/members/editMember.js';
import { listRoll } from '../../src/app/members/listRoll.js';
import { auditGaps, prepareAudit, runAudit } from '../../src/app/audit/runAudit.js';
import { rankBranches } from '../../src/app/rank/rankBranches.js';
import { planRankFiles, rankMembers } from '../../src/app/rank/rankMembers.js';
import { buildReport, planReportFiles, reportFileName } from '../../src/app/report/buildReport.js';
import { loadRules } from '../../src/app/rules/ruleContext.js';
import { switchRuleSet } from '../../src/app/rules/ruleSets.js';
import { parsePeriodId, periodContaining } from '../../src/domain/periods.js';
import { auditJson } from '../../src/reports/auditJson.js';
import { VerdictStream, type ChunkList } from '../../src/reports/verdictStream.js';
import { maskJsonText } from '../../src/domain/pii.js';
import type { Db } from '../../src/store/db.js';
import { openDb } from '../../src/store/db.js';
import { listMembers } from '../../src/store/members.js';
import { readSettings } from '../../src/store/settings.js';
import { runCli, tempDir } from '../helpers/cli.js';

const NOW = '2026-12-01';
let t: { dir: string; cleanup: () => void };
let dbPath: string;
let db: Db;
const cli = async (...args: string[]) => runCli(['--db', dbPath, ...args], { cwd: t.dir, now: NOW });

beforeAll(async () => {
  t = tempDir('shuxiang-app-');
  expect((await runCli(['demo', 'd', '-q'], { cwd: t.dir, now: NOW })).code).toBe(0);
  dbPath = join(t.dir, 'd', 'shuxiang.db');
  db = openDb(dbPath);
}, 60_000);
afterAll(() => {
  db?.close();
  t?.cleanup();
});

describe('audit', () => {
  it('runAudit gives what `--json audit` prints, and auditGaps the message of its exit 1', async () => {
    const scope = parsePeriodId('2026')!;
    const prepared = prepareAudit(db, { dbPath, asOf: NOW, scope, scopeGiven: false }, NOW);
    const result = runAudit(db, prepared, { json: true });
    const printed = await cli('--json', 'audit');
    expect(printed.code).toBe(1);
    const { plan, ...rest } = JSON.parse(printed.stdout) as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify(auditJson(result.report)))).toEqual(rest);
    expect(JSON.parse(JSON.stringify(result.plan))).toEqual(plan);
    const gaps = auditGaps(result);
    expect(gaps?.exitCode).toBe(1);
    expect(printed.stderr).toContain(gaps!.message);
  });

  it('audit --json written as judged (VerdictStream; met verdicts of count rules in parts) is byte for byte the kept verdicts', () => {
    // Mid-year (open periods), today, and after the year's end (every period ended: the parts path at its widest).
    for (const asOf of ['2026-06-30', NOW, '2027-01-10']) {
      const prepared = prepareAudit(db, { dbPath, asOf, scope: parsePeriodId('2026')!, scopeGiven: true }, NOW);
      for (const mask of [maskJsonText, (s: string) => s]) {
        const stream = new VerdictStream(mask);
        const streamed = runAudit(db, prepared, { json: true, emit: (v, n) => stream.add(v, n), emitMet: (m, n) => stream.addMet(m, n) });
        const kept = runAudit(db, prepared, { json: true });
        const list = auditJson(kept.report).verdicts as { length: number; compactText(a: number, b: number, m: (s: string) => string): string };
        const chunks = auditJson(streamed.report, stream).verdicts as ChunkList;
        expect(chunks.length).toBe(list.length);
        expect(Buffer.concat(chunks.chunks).toString('utf8'), asOf).toBe(list.compactText(0, list.length, mask));
        expect(streamed.report.rules).toEqual(kept.report.rules);
        expect(streamed.report.endedGaps).toBe(kept.report.endedGaps);
        expect(streamed.comparison).toEqual(kept.comparison);
      }
    }
  });

  it('refuses a year with no records, and a rule id the rule set does not have', () => {
    expect(() => prepareAudit(db, { dbPath, asOf: '2019-06-30', scope: parsePeriodId('2019')!, scopeGiven: true }, NOW)).toThrow(/2019 年没有任何记录/);
    expect(() => prepareAudit(db, { dbPath, asOf: NOW, scope: parsePeriodId('2026')!, scopeGiven: false, rules: ['no-such'] }, NOW)).toThrow(/--rule 指定的规则“no-such”/);
    const p = prepareAudit(db, { dbPath, asOf: NOW, scope: parsePeriodId('2026')!, scopeGiven: false, rules: ['l1-BOOKS'] }, NOW);
    expect(p.ruleIds).toEqual(['L1-books']);
  });
});

describe('report', () => {
  it('buildReport gives what `--json report` prints; the file plan names the files for the period', async () => {
    const period = periodContaining('year', NOW) as ReturnType<typeof periodContaining> & { kind: 'year' };
    const report = buildReport(db, { context: loadRules(db, dbPath), asOf: NOW, period });
    const printed = await cli('--json', 'report', '--year', '2026');
    expect(printed.code).toBe(0);
    expect(JSON.parse(JSON.stringify(report))).toEqual(JSON.parse(printed.stdout));
    // Not to a terminal: one line, no indentation (an organ's year is half the bytes so).
    expect(printed.stdout.trimEnd()).not.toContain('\n');
    expect(reportFileName(report, true, 'xlsx')).toBe('2026年度学习台账.xlsx');
    expect(reportFileName(report, '总结', 'docx')).toBe('总结.docx');
    const plan = planReportFiles(report, { xlsx: true, md: true });
    expect(plan.summary?.blocks?.length).toBeGreaterThan(0);
    expect(plan.ledger).toEqual(report);
    expect(plan.summary?.fields.title).toContain('2026');
    expect(planReportFiles(report, { xlsx: true }).summary).toBeUndefined();
  });
});

describe('rank', () => {
  it('rankMembers and rankBranches give what `--json rank` prints', async () => {
    const context = loadRules(db, dbPath);
    const r = rankMembers(db, { context, year: 2026, asOf: NOW });
    const printed = JSON.parse((await cli('--json', 'rank', '--year', '2026')).stdout) as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify({ ...r, files: [] }))).toEqual(printed);
    const plan = planRankFiles(r, { docx: true, signDate: NOW });
    expect(plan.stem).toBe('2026年度书香之星评比');
    expect(plan.sheets).toBeUndefined();
    expect(plan.awards?.certificates.length).toBe(r.awardees.length);
    const b = rankBranches(db, { context, year: 2026, asOf: NOW });
    const { comparison: _c, ...rest } = b;
    expect(JSON.parse(JSON.stringify({ ...rest, files: [] }))).toEqual(JSON.parse((await cli('--json', 'rank', '--branches', '--year', '2026')).stdout));
  });

});

describe('rules and members (writes, each one batch)', () => {
  it('switchRuleSet validates and records the preset', () => {
    const loaded = switchRuleSet(db, { target: 'shuxiang-organ', dbPath, command: 'rules use' }, `${NOW} 09:00:00`);
    expect(loaded.preset).toBe('shuxiang-organ');
    expect(readSettings(db).rules).toBe('shuxiang-organ');
    expect(() => switchRuleSet(db, { target: join(t.dir, 'missing.json'), dbPath, command: 'rules use' }, NOW)).toThrow();
    expect(readSettings(db).rules).toBe('shuxiang-organ');
  });

  it('adds, edits and lets a member leave; the roll follows', () => {
    const before = listRoll(db, {}, NOW).length;
    const branchName = listMembers(db)[0]!.branch;
    const { added } = addMember(db, { member: { branchId: 0, name: '测试甲', leader: true, partyPost: '组织委员', extra: {}, onRollFrom: '2026-01-01' }, branch: branchName, args: '' }, `${NOW} 09:00:00`);
    expect(listRoll(db, {}, NOW)).toHaveLength(before + 1);
    expect(listRoll(db, { leaders: true }, NOW).map((m) => m.id)).toContain(added.id);
    const { patch, notes } = editPatch(db, added, { partyPost: null }, NOW);
    expect(notes).toEqual([{ level: 'warn', text: '党内职务改为“无”，但测试甲仍记为班子成员；如已卸任，请加 --no-leader [--from 日期]。' }]);
    expect(editChanges(added, patch)).toEqual([{ field: 'partyPost', label: '党内职务', from: '组织委员', to: null }]);
    const { after, endsPost } = leaveMember(db, added, { date: '2026-11-01', args: '' }, `${NOW} 09:00:00`);
    expect(endsPost).toBe(true);
    expect(after.onRollLeft).toBe('2026-11-01');
    expect(listRoll(db, {}, NOW)).toHaveLength(before);
    expect(() => leaveMember(db, after, { date: '2026-11-15', args: '' }, NOW)).toThrow(/已于 2026-11-01 转出/);
  });
});
