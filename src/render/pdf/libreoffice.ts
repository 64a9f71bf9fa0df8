// PDF from a .docx through LibreOffice (`soffice --headless --convert-to pdf`), when it is installed.
// Each run uses a private, throw-away LibreOffice profile (-env:UserInstallation), so two conversions at
// once never collide on a shared profile lock, and a time limit, so a hung soffice never hangs us.
// Fonts: the documents name the GB/T 9704 faces (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体); where
// they are not installed, fontconfig (Linux) is told what to use instead — the Windows faces first
// (FangSong, SimHei, KaiTi, SimSun), then Noto Serif/Sans CJK SC — so no Chinese text falls back to a
// Latin or a Japanese face. Without LibreOffice the message says how to install it, or to print from Word/WPS.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../../shared/errors.js';

/** What each GB/T 9704 face may be replaced by, best first. */
export const FACE_FALLBACKS: Record<string, string[]> = {
  方正小标宋简体: ['FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', 'SimSun', '宋体', 'Noto Serif CJK SC', 'Source Han Serif SC'],
  仿宋_GB2312: ['仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC'],
  楷体_GB2312: ['楷体', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC', 'Source Han Serif SC'],
  黑体: ['SimHei', 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC'],
  宋体: ['SimSun', 'STSong', 'Noto Serif CJK SC', 'Source Han Serif SC'],
};

const CANDIDATES: Record<string, string[]> = {
  win32: ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe'],
  darwin: ['/Applications/LibreOffice.app/Contents/MacOS/soffice'],
};

/** The soffice to run: $SHUXIANG_SOFFICE, soffice or libreoffice on PATH, or the usual install folder. */
export function findSoffice(env: NodeJS.ProcessEnv): string | undefined {
  if (env.SHUXIANG_SOFFICE) return existsSync(env.SHUXIANG_SOFFICE) ? env.SHUXIANG_SOFFICE : undefined;
  const exe = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) for (const e of exe) if (existsSync(join(dir, e))) return join(dir, e);
  return (CANDIDATES[process.platform] ?? []).find((f) => existsSync(f));
}

/** The error when there is no LibreOffice: how to get one, or how to make the PDF by hand. */
export function noSofficeError(docxHint: string): UserError {
  return new UserError('未找到 LibreOffice（soffice），无法生成 PDF。', [
    'Linux：sudo apt-get install libreoffice-writer fonts-noto-cjk（或用发行版的软件中心安装 LibreOffice）；',
    'Windows / macOS：从 LibreOffice 官网下载安装，装好后重新运行本命令（也可用环境变量 SHUXIANG_SOFFICE 指明 soffice 的位置）；',
    `或者不用 PDF：${docxHint}，在 Word 或 WPS 中打开后“另存为 PDF”或直接打印。`,
  ]);
}

function fontconfigFile(dir: string): string {
  const alias = Object.entries(FACE_FALLBACKS).map(([face, alts]) =>
    `  <alias binding="same"><family>${face}</family><prefer>${alts.map((a) => `<family>${a}</family>`).join('')}</prefer></alias>`).join('\n');
  const file = join(dir, 'fonts.conf');
  writeFileSync(file, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${alias}\n</fontconfig>\n`, { mode: 0o600 });
  return file;
}

/** Converts `docx` to the PDF file `out` (written by the caller's atomic writer); throws UserError on failure. */
export async function convertDocxToPdf(soffice: string, docx: string, out: string, env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'shuxiang-pdf-'));
  try {
    const input = join(work, 'in.docx');
    copyFileSync(docx, input);
    const profile = pathToFileURL(join(work, 'profile')).href;
    const childEnv: NodeJS.ProcessEnv = { ...env, ...(process.platform === 'win32' ? {} : { FONTCONFIG_FILE: fontconfigFile(work) }) };
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nologo', '--convert-to', 'pdf', '--outdir', work, input];
    const { code, stderr, timedOut } = await run(soffice, args, childEnv, timeoutMs);
    const pdf = join(work, 'in.pdf');
    if (timedOut) throw new UserError(`LibreOffice 转换 ${basename(out)} 超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止。`, ['请关闭正在运行的 LibreOffice 后重试，或用 Word/WPS 打开 .docx 另存为 PDF。']);
    if (code !== 0 || !existsSync(pdf)) {
      throw new UserError(`LibreOffice 未能把文档转换为 PDF（退出码 ${code}）${stderr.trim() ? `：${stderr.trim().split('\n').at(-1)}` : '。'}`, ['请用 Word/WPS 打开 .docx 另存为 PDF。']);
    }
    copyFileSync(pdf, out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(new UserError(`无法运行 LibreOffice（${cmd}）：${e.message}`)); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stderr, timedOut }); });
  });
}

