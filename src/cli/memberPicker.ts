// A searchable checkbox list of people for sign-in: type a name or pinyin initials to narrow the list,
// Enter ticks the highlighted person and clears the filter, Ctrl+A ticks everyone shown, Enter on an
// empty filter finishes. @inquirer/prompts' own checkbox cannot filter, so this one is built on the same
// core (@inquirer/core); it is loaded lazily from prompts.ts only.
import {
  createPrompt, isDownKey, isEnterKey, isSpaceKey, isTabKey, isUpKey, makeTheme, useKeypress, useMemo, usePagination,
  usePrefix, useState,
} from '@inquirer/core';
import { styleText } from 'node:util';
import { fitsFilter } from '../domain/matchMember.js';

/** One person in the list; `keys` is what a filter matches against besides the name (pinyin initials). */
export interface PickerChoice<V> {
  value: V;
  name: string;
  keys: string;
  hint?: string;
  checked?: boolean;
}

export interface PickerConfig<V> {
  message: string;
  choices: PickerChoice<V>[];
  pageSize?: number;
  /** Text shown after the count in the finished line (e.g. “人”). */
  unit?: string;
}

/** The prompt itself: resolves with the ticked values, in list order. */
export const memberPicker = createPrompt(<V,>(config: PickerConfig<V>, done: (value: V[]) => void) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const [checked, setChecked] = useState<boolean[]>(config.choices.map((c) => !!c.checked));
  const [term, setTerm] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  const visible = useMemo(
    () => config.choices.map((c, i) => ({ ...c, index: i })).filter((c) => fitsFilter(c.name, c.keys, term)),
    [term],
  );
  const count = checked.filter(Boolean).length;

  useKeypress((key, rl) => {
    if (status === 'done') return;
    const restoreLine = () => {
      rl.clearLine(0);
      rl.write(term);
    };
    const toggle = (indexes: number[], to?: boolean) => {
      const next = [...checked];
      for (const i of indexes) next[i] = to ?? !next[i];
      setChecked(next);
    };
    setError(undefined);
    if (isEnterKey(key)) {
      if (!term.trim()) {
        setStatus('done');
        done(config.choices.filter((_, i) => checked[i]).map((c) => c.value));
        return;
      }
      const hit = visible[Math.min(active, visible.length - 1)];
      if (!hit) {
        setError(`没有与“${term}”匹配的人`);
        rl.write(term);
        return;
      }
      toggle([hit.index]);
      setTerm('');
      setActive(0);
    } else if (isSpaceKey(key) || isTabKey(key)) {
      restoreLine();
      const hit = visible[active];
      if (hit) toggle([hit.index]);
    } else if (key.ctrl && key.name === 'a') {
      restoreLine();
      const idx = visible.map((v) => v.index);
      toggle(idx, idx.some((i) => !checked[i]));
    } else if (isUpKey(key) || isDownKey(key)) {
      restoreLine();
      if (visible.length) setActive((active + (isUpKey(key) ? -1 : 1) + visible.length) % visible.length);
    } else {
      setTerm(rl.line);
      setActive(0);
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(`${count} ${config.unit ?? '人'}`)}`;
  const page = usePagination({
    items: visible,
    active: Math.min(active, Math.max(0, visible.length - 1)),
    renderItem: ({ item, isActive }) => {
      const box = checked[item.index] ? styleText('green', '◉') : '◯';
      const line = `${isActive ? '❯' : ' '}${box} ${item.name}${item.hint ? ' ' + styleText('dim', item.hint) : ''}`;
      return isActive ? theme.style.highlight(line) : line;
    },
    pageSize: config.pageSize ?? 12,
    loop: false,
  });
  const header = `${prefix} ${message} ${styleText('dim', `（已选 ${count}/${config.choices.length}）`)} ${styleText('cyan', term)}`;
  const help = styleText('dim', '输入姓名或拼音首字母筛选 • 回车 勾选并清空筛选 • 空格 勾选/取消 • Ctrl+A 全选/全不选 • 筛选为空时回车 完成');
  const body = [visible.length ? page : styleText('dim', '  （没有匹配的人）'), error ? theme.style.error(error) : '', help].filter(Boolean).join('\n');
  return [header, body];
});
