// One overwrite rule for every writer (issue 16): an existing file — a summary .docx edited by hand
// included — is never replaced without --force; a default name that is taken becomes the next number.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { addMembers } from '../helpers/roster.js';

let dir: string;
let cleanup: () => void;
const cli = (args: string[]) => runCli(args, { cwd: dir, now: '2026-11-22' });
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张三', from: '2025-01-01' }, { name: '李四', from: '2025-01-01' }]);
  expect((await cli(['books', 'add', '--title', '共产党宣言', '--author', '马克思', '--category', '政治理论'])).code).toBe(0);
  expect((await cli(['books', 'recommend', '共产党宣言', '--by', '李书记', '--reason', '经典'])).code).toBe(0);
});
afterAll(() => cleanup());

describe('never replaced without --force', () => {
  it.each([
    [['report', '--year', '2026', '--docx'], '2026年度学习型党组织建设工作总结.docx', ['report', '--year', '2026', '--docx', 'X']],
    [['report', '--year', '2026', '--xlsx'], '2026年度学习台账.xlsx', ['report', '--year', '2026', '--xlsx', 'X']],
    [['rank', '--year', '2026', '--xlsx'], '2026年度书香之星评比.xlsx', ['rank', '--year', '2026', '--xlsx', 'X']],
    [['books', 'print', '--recommended', '--xlsx'], null, ['books', 'print', '--recommended', '--xlsx', 'X']],
    [['remind', '--xlsx', 'X'], null, ['remind', '--xlsx', 'X']],
  ])('%j', async (args, defaultName, namedArgs) => {
    if (defaultName) {
      writeFileSync(join(dir, defaultName), '手工改过的内容');
      const r = await cli(args as string[]);
      expect(r.code, r.stderr).toBe(0);
      const ext = defaultName.slice(defaultName.lastIndexOf('.'));
      const next = `${defaultName.slice(0, -ext.length)}（2）${ext}`;
      expect(r.stderr).toContain(`${defaultName} 已存在，未覆盖；本次保存为 ${next}`);
      expect(readFileSync(join(dir, defaultName), 'utf8')).toBe('手工改过的内容');
      expect(readFileSync(join(dir, next)).length).toBeGreaterThan(100);
    }
    const named = `已有-${namedArgs[0]}.${namedArgs.includes('--docx') ? 'docx' : 'xlsx'}`;
    writeFileSync(join(dir, named), '手工改过的内容');
    const withName = (namedArgs as string[]).map((a) => (a === 'X' ? named : a));
    const refused = await cli(withName);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('已经存在，未覆盖');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(join(dir, named), 'utf8')).toBe('手工改过的内容');
    const forced = await cli([...withName, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, named), 'utf8')).not.toBe('手工改过的内容');
  });
});

describe('a folder given as the file', () => {
  it.each([
    [['report', '--year', '2026', '--xlsx', '台账']],
    [['report', '--year', '2026', '--docx', '台账']],
    [['rank', '--year', '2026', '--xlsx', '台账']],
    [['books', 'print', '--recommended', '--xlsx', '台账']],
    [['export', '台账']],
    [['template', 'roster', '台账']],
    [['sheet', '1', '台账']],
    [['plan', 'init', '台账', '--year', '2027']],
  ])('%j is refused (exit 2), nothing written as 台账.ext beside it', async (args) => {
    mkdirSync(join(dir, '台账'), { recursive: true });
    if (args[0] === 'sheet') expect((await cli(['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '学习'])).code).toBe(0);
    // (The database's -wal and -shm come and go with connections.)
    const files = () => readdirSync(dir).filter((f) => !f.startsWith('shuxiang.db')).sort();
    const before = files();
    const r = await cli(args as string[]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('台账 是一个文件夹，请给出要保存的文件名');
    expect(files()).toEqual(before);
    expect(readdirSync(join(dir, '台账'))).toEqual([]);
  });
});

// A name the system takes (at most 255 bytes) must be written, though the temporary file beside it (or a
// backup's .partial and its -journal) adds bytes; a name that is really too long, or a path through a
// file, is an output-path error (exit 2) naming the user's path — never 内部错误 or the temporary file.
describe('long names and impossible paths', () => {
  const writers: [string, string[]][] = [
    ['docx', ['report', '--year', '2026', '--docx']],
    ['xlsx', ['report', '--year', '2026', '--xlsx']],
    ['md', ['report', '--year', '2026', '--md']],
    ['xlsx', ['rank', '--year', '2026', '--xlsx']],
    ['xlsx', ['sheet', '1']],
    ['json', ['export']],
    ['db', ['backup']],
  ];
  // (The database's -wal and -shm come and go with connections.)
  const files = () => readdirSync(dir).filter((f) => !f.startsWith('shuxiang.db')).sort();
  beforeAll(async () => {
    expect((await cli(['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '学习'])).code).toBe(0);
  });

  it.each(writers)('a valid name of 79 Chinese characters (.%s) is written: %j', async (ext, args) => {
    const name = `${'书香机关读书学习工作总结'.repeat(7).slice(0, 79)}${args[0].slice(0, 2)}.${ext}`;
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(Buffer.byteLength(name)).toBeGreaterThan(240);
    const before = files();
    const r = await cli([...args, name]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, name)).length).toBeGreaterThan(100);
    expect(files()).toEqual([...before, name].sort());
  });

  it.each(writers)('a name of 258 bytes (.%s) is exit 2 "文件名太长" naming it, nothing written: %j', async (ext, args) => {
    const name = `${'读'.repeat(86)}.${ext}`;
    const before = files();
    const r = await cli([...args, name]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${name}：文件名太长`);
    expect(r.stderr).not.toMatch(/内部错误|ENAMETOOLONG|\.tmp|\.partial/);
    expect(files()).toEqual(before);
  });

  it.each(writers)('a path through a file (afile/x.%s) is exit 2 naming that path and the file in the way: %j', async (ext, args) => {
    writeFileSync(join(dir, 'afile'), '不是文件夹');
    const r = await cli([...args, join('afile', `x.${ext}`)]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`无法写入 ${join(dir, 'afile', `x.${ext}`)}：路径中的 ${join(dir, 'afile')} 是一个文件，不是文件夹。`);
    expect(r.stderr).not.toMatch(/内部错误|\.tmp|\.partial/);
    expect(readFileSync(join(dir, 'afile'), 'utf8')).toBe('不是文件夹');
    expect(existsSync(join(dir, 'afile', `x.${ext}`))).toBe(false);
  });
});
