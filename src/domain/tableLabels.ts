// The Chinese name of each stored table, for every message that lists tables (`import --kind json`,
// `undo`, `history`). `export --json` keeps the English table names: that file is for programs.

/** Chinese names by table. */
export const TABLE_LABELS: Record<string, string> = {
  settings: '设置', branches: '支部', members: '人员', sessions: '学习活动', attendance: '签到', books: '书目',
  self_study: '自学', lectures: '听课', readings: '读书', writings: '心得文章', research: '调研', talks: '宣讲',
  trainings: '培训', exams: '考试', exchanges: '读书交流', loans: '借阅', plan_months: '学习计划', plan_links: '计划与活动的对应',
};

/** A table's Chinese name (a table this version does not know keeps its own name). */
export function tableLabel(table: string): string {
  return TABLE_LABELS[table] ?? table;
}
