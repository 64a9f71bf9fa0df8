// What each table of the database is called in Chinese, where a summary or a message names one (an
// export document's tables, the rows an import added or changed).

export const TABLE_LABELS: Readonly<Record<string, string>> = {
  settings: '设置', branches: '支部', members: '人员', member_terms: '此前在册与任职', sessions: '学习活动', session_attendees: '应到名单',
  attendance: '签到', books: '书目', self_study: '自学', lectures: '听课', readings: '读书', writings: '心得文章', research: '调研',
  talks: '宣讲', trainings: '培训', exams: '考试', exchanges: '读书交流', loans: '借阅', plan_months: '学习计划', plan_links: '计划关联',
};

/** The table's Chinese name (its own name when it has none). */
export const tableLabel = (table: string): string => TABLE_LABELS[table] ?? table;
