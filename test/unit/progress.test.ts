// The progress line (src/cli/progress.ts) on a fake terminal with a fake clock: stages at once, counts
// only after ~1 s and throttled, cut to the terminal's width, cleared at the end; nothing at all when
// stderr is not a terminal, or with --json or -q.
import { describe, expect, it } from 'vitest';
import { AppContext } from '../../src/cli/context.js';
import { progressFor, progressLine, progressText } from '../../src/cli/progress.js';
import { displayWidth } from '../../src/shared/width.js';

function fakeStream(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  return { stream: { isTTY, columns, write: (s: string) => (writes.push(s), true) }, writes };
}

/** What a terminal would show after the writes: `\r` returns to the line's start, `ESC[K` erases the rest. */
function screen(writes: string[]): string {
  let line = '';
  for (const w of writes) for (const part of w.split(/(\r|\u001b\[K)/)) {
    if (part === '\r' || part === '\u001b[K') line = part === '\r' ? line : '';
    else line += part;
  }
  return line;
}

describe('progress line', () => {
  it('says the stage at once, counts after the delay at most every interval, and clears itself', () => {
    let t = 0;
    const { stream, writes } = fakeStream(true);
    const p = progressLine(stream, true, { now: () => t, delayMs: 1000, intervalMs: 100 });
    p.report({ stage: '读取花名册', done: 100, unit: '行' });
    expect(writes).toEqual([]); // a quick import says nothing
    t = 1200;
    p.report({ stage: '读取花名册', done: 2000, unit: '行' });
    expect(screen(writes)).toBe('读取花名册：2000 行');
    t = 1250;
    p.report({ stage: '读取花名册', done: 2100, unit: '行' });
    expect(writes).toHaveLength(1); // throttled
    t = 1260;
    p.report({ stage: '写入', done: 0, total: 2100, unit: '行' });
    expect(screen(writes)).toBe('写入：0 / 2100 行'); // a new stage is drawn even within the interval
    p.report({ stage: '生成 Word' });
    expect(screen(writes)).toBe('生成 Word…');
    p.done();
    expect(writes.at(-1)).toBe('\r\u001b[K');
    expect(screen(writes)).toBe('');
    p.done();
    expect(writes.filter((w) => w === '\r\u001b[K')).toHaveLength(1); // nothing more to clear
  });

  it('never writes wider than the terminal (a wrapped line could not be erased)', () => {
    const { stream, writes } = fakeStream(true, 20);
    const p = progressLine(stream, true, { now: () => 5000 });
    p.report({ stage: '判定每人每项指标的达标情况' });
    expect(displayWidth(screen(writes))).toBeLessThan(20);
    expect(screen(writes)).toMatch(/…$/);
  });

  it('a quick run that reports only counts leaves no trace', () => {
    const { stream, writes } = fakeStream(true);
    const p = progressLine(stream, true, { now: () => 0 });
    p.report({ stage: '写入', done: 5 });
    p.done();
    expect(writes).toEqual([]);
  });

  it.each([
    ['stderr is not a terminal', false, {}],
    ['--json', true, { json: true }],
    ['-q', true, { quiet: true }],
  ])('writes nothing when %s', (_what, isTTY, globals) => {
    const err = fakeStream(isTTY);
    const out = fakeStream(false);
    const ctx = new AppContext({ stdout: out.stream, stderr: err.stream, stdin: process.stdin, env: {}, cwd: '/' }, globals);
    const p = progressFor(ctx.io.stderr, ctx, { now: () => 10_000 });
    p.report({ stage: '判定' });
    p.report({ stage: '写入', done: 10, total: 20, unit: '行' });
    p.done();
    // And through the context, as the commands use it.
    ctx.progress({ stage: '判定' });
    ctx.closeAll();
    expect(err.writes).toEqual([]);
    expect(out.writes).toEqual([]);
  });

  it('through the context, any other output clears the line first, and closing clears it', () => {
    const err = fakeStream(true);
    const out = fakeStream(false);
    const ctx = new AppContext({ stdout: out.stream, stderr: err.stream, stdin: process.stdin, env: {}, cwd: '/' }, {});
    ctx.progress({ stage: '判定' });
    ctx.warn('注意');
    ctx.progress({ stage: '生成 Word' });
    ctx.out('完成');
    ctx.progress({ stage: '收尾' });
    ctx.closeAll();
    expect(err.writes.join('')).toBe('\r\u001b[K判定…\r\u001b[K提示：注意\n\r\u001b[K生成 Word…\r\u001b[K\r\u001b[K收尾…\r\u001b[K');
    expect(out.writes).toEqual(['完成\n']);
  });

  it('formats an event', () => {
    expect(progressText({ stage: '判定' })).toBe('判定…');
    expect(progressText({ stage: '已读', done: 12 })).toBe('已读：12');
    expect(progressText({ stage: '写入', done: 3, total: 9, unit: '行' })).toBe('写入：3 / 9 行');
  });
});
