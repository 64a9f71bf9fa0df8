// What `init` says about the database it made.

/** “已创建数据库 …” and the four settings, one per line. */
export function createdText(path: string, s: { organ: string; branch: string; year: string; rules: string; rulesTitle: string }): string {
  return `已创建数据库 ${path}\n  机关：${s.organ}\n  支部：${s.branch}\n  年度：${s.year}\n  规则集：${s.rulesTitle}（${s.rules}）`;
}
