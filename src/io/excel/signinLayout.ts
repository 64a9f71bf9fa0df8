// The sign-in sheet's fixed vocabulary, shared by the writer and the reader so a printed sheet always
// reads back: the header labels, and the marker cell that carries the session id.

/** Header labels of the table, in column order (A–E visible, F hidden with the member id). */
export const SIGNIN_HEADERS = { seq: '序号', name: '姓名', signature: '签名', status: '状态', note: '备注', memberId: '人员编号' } as const;

/** Text of the hidden marker cell: `shuxiang:session=12`. */
export function sessionMarker(id: number): string {
  return `shuxiang:session=${id}`;
}

/** The session id in a marker cell or in a visible “活动编号：12” line, if any. */
export function readSessionMarker(text: string): number | undefined {
  const m = /^shuxiang:session=(\d+)$/.exec(text.trim()) ?? /活动编号\s*[:：]\s*#?(\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The drop-down of the 状态 column. */
export const STATUS_CHOICES = ['出席', '迟到', '请假', '事假', '病假', '公假', '缺席'];
