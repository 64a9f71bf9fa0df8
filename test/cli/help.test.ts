// Every command and subcommand has Chinese help with a worked example, reachable by --help (exit 0).
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { PassThrough } from 'node:stream';

function allCommands(cmd: Command, path: string[] = []): string[][] {
  return cmd.commands.filter((c) => c.name() !== 'help').flatMap((c) => {
    const p = [...path, c.name()];
    return c.commands.length ? [p, ...allCommands(c, p)] : [p];
  });
}

const program = await buildProgram(
  { stdout: { write: () => true }, stderr: { write: () => true }, stdin: new PassThrough(), env: {}, cwd: '/' },
  {},
);
const paths = allCommands(program);

describe('help', () => {
  it('lists the commands the spec names so far', () => {
    const top = program.commands.map((c) => c.name());
    for (const name of ['init', 'import', 'member', 'template', 'demo']) expect(top).toContain(name);
  });

  it.each(paths.map((p) => [p.join(' ')]))('shuxiang %s --help is Chinese, with 示例', async (joined) => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await runCli([...joined.split(' '), '--help'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^用法：/);
      expect(r.stdout).not.toMatch(/Usage:|Options:|display help/);
      const isGroup = program.commands.find((c) => c.name() === joined.split(' ')[0])?.commands.length && !joined.includes(' ');
      if (!isGroup) expect(r.stdout).toContain('示例：');
      expect(r.stdout.endsWith('\n')).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('an unknown option or command is a Chinese usage error, exit 2', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const a = await runCli(['import', '--bogus'], { cwd: dir });
      expect(a.code).toBe(2);
      expect(a.stderr).toContain('不认识的选项 --bogus');
      const b = await runCli(['frobnicate'], { cwd: dir });
      expect(b.code).toBe(2);
      expect(b.stderr).toContain('不认识的命令 frobnicate');
      const c = await runCli(['import'], { cwd: dir });
      expect(c.code).toBe(2);
      expect(c.stderr).toContain('缺少参数');
    } finally {
      cleanup();
    }
  });

  it('a command that needs the database says how to create one (exit 2)', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await runCli(['member', 'list'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('shuxiang init');
    } finally {
      cleanup();
    }
  });
});
