// The organ-scale database (issue 7), built through shuxiang's own store layer with a fixed seed:
// 5,000 members in 70 branches, a year of sessions and sign-ins, and a year of each member's records
// (daily self-study — about 1.8 million rows — books, writings, research, talks, trainings, exams).
//
//   node bench/organ.js base DB        settings, branches, members, sessions, attendance (one batch each)
//   node bench/organ.js evidence DB    every member's records in ONE batch through writeEvidence; prints
//                                      {"seconds": …, "rows": …} — the bulk-write case times this call only
//
// Sizes: BENCH_ORGAN_MEMBERS (5000), BENCH_ORGAN_BRANCHES (70). The year is 2026, the data complete.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const load = (p) => import(join(dist, p));

/** Bump when the generated data changes: cached databases are keyed by it. */
export const ORGAN_VERSION = 1;
export const YEAR = 2026;
const MEMBERS = Number(process.env.BENCH_ORGAN_MEMBERS ?? 5000);
const BRANCHES = Number(process.env.BENCH_ORGAN_BRANCHES ?? 70);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文海波辉鹏飞燕春梅琳晨宇';
const POSTS = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员'];

/** Branch b's members: sizes spread so they sum to MEMBERS; the first five hold committee posts. */
function roster(b) {
  const size = Math.floor(((b + 1) * MEMBERS) / BRANCHES) - Math.floor((b * MEMBERS) / BRANCHES);
  const out = [];
  for (let i = 0; i < size; i++) {
    const k = b * 131 + i * 17;
    const name = SURNAMES[k % SURNAMES.length] + GIVEN[(k * 7 + i) % GIVEN.length] + GIVEN[(k * 13 + b) % GIVEN.length];
    const m = { name, gender: i % 2 ? '女' : '男', category: '正式党员', leader: i < POSTS.length, extra: {} };
    if (i < POSTS.length) m.partyPost = POSTS[i];
    // A few join mid-year and a few leave, so prorating is exercised at scale.
    if (i % 23 === 7) m.onRollFrom = `${YEAR}-07-01`;
    if (i % 31 === 11) m.onRollLeft = `${YEAR}-10-01`;
    out.push(m);
  }
  return out;
}

async function base(file) {
  const { openDb } = await load('store/db.js');
  const { inBatch } = await load('store/batches.js');
  const { writeSettings } = await load('store/settings.js');
  const { ensureBranch } = await load('store/branches.js');
  const { insertMember } = await load('store/members.js');
  const { addSession } = await load('store/sessions.js');
  const { recordAttendance } = await load('store/attendance.js');
  const { demoYear } = await load('domain/demoYear.js');
  const cal = (await load('io/officialCalendar.js')).createWorkCalendar();
  const db = openDb(file, { create: true });
  const at = `${YEAR}-01-01T08:00:00`;
  const people = [];
  inBatch(db, { command: 'init', at }, (batchId, counts) => {
    writeSettings(db, { organ: '基准测试市直机关工委', year: String(YEAR), rules: 'learning-org', defaultBranch: '第1党支部' });
    for (let b = 0; b < BRANCHES; b++) {
      const branch = ensureBranch(db, `第${b + 1}党支部`, batchId, counts);
      for (const m of roster(b)) {
        const id = insertMember(db, { ...m, branchId: branch.id }, batchId);
        counts.added++;
        people.push({ branchId: branch.id, id, name: m.name, post: m.partyPost, onRollFrom: m.onRollFrom, onRollLeft: m.onRollLeft });
      }
    }
  });
  inBatch(db, { command: 'session', at }, (batchId, counts) => {
    for (const [branchId, who] of byBranch(people)) {
      for (const x of demoYear(who, YEAR, `${YEAR + 1}-01-01`, cal).sessions) {
        const id = addSession(db, { branchId, type: x.type, date: x.date, topic: x.topic, hours: x.hours, place: x.place, speaker: x.speaker }, batchId);
        counts.added++;
        recordAttendance(db, id, x.attendance, batchId, counts);
      }
    }
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function byBranch(people) {
  const m = new Map();
  for (const p of people) (m.get(p.branchId) ?? m.set(p.branchId, []).get(p.branchId)).push(p);
  return m;
}

/** Every member's records for the year: the demo generator's, plus self-study on the days it skipped. */
async function items(db) {
  const { listMembers } = await load('store/members.js');
  const { demoYear } = await load('domain/demoYear.js');
  const cal = (await load('io/officialCalendar.js')).createWorkCalendar();
  const { addDaysIso } = await load('domain/periods.js');
  const people = listMembers(db).map((m) => ({ branchId: m.branchId, id: m.id, name: m.name, post: m.partyPost, onRollFrom: m.onRollFrom, onRollLeft: m.onRollLeft }));
  const out = [];
  for (const who of byBranch(people).values()) {
    const got = demoYear(who, YEAR, `${YEAR + 1}-01-01`, cal).items;
    const studied = new Set();
    for (const it of got) {
      out.push(it);
      if (it.kind === 'self-study') studied.add(`${it.memberId} ${it.values.date}`);
    }
    // Weekend and holiday study (读书日): most people read a little every day of the year.
    for (const p of who) {
      if (p.id % 7 === 3) continue;
      for (let d = `${YEAR}-01-01`; d < `${YEAR + 1}-01-01`; d = addDaysIso(d, 1)) {
        if ((p.onRollFrom && d < p.onRollFrom) || (p.onRollLeft && d >= p.onRollLeft) || studied.has(`${p.id} ${d}`)) continue;
        out.push({ kind: 'self-study', memberId: p.id, values: { date: d, hours: 0.5 + (p.id + d.charCodeAt(9)) % 3 * 0.5, content: '周末读书', notes: true } });
      }
    }
  }
  return out;
}

async function evidence(file) {
  const { openDb } = await load('store/db.js');
  const { writeEvidenceBatch } = await load('store/evidenceWrite.js');
  const db = openDb(file);
  const all = await items(db);
  const t0 = process.hrtime.bigint();
  writeEvidenceBatch(db, all, { command: 'bench', args: 'organ evidence', at: `${YEAR + 1}-01-01T08:00:00` });
  db.pragma('wal_checkpoint(TRUNCATE)');
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  db.close();
  process.stdout.write(JSON.stringify({ seconds, rows: all.length }) + '\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [what, file] = process.argv.slice(2);
  if (what === 'base') await base(file);
  else if (what === 'evidence') await evidence(file);
  else throw new Error('usage: node bench/organ.js base|evidence DB');
}
