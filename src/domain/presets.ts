// The rule presets shipped under templates/rules/ (their contents are loaded by the rule engine).

export interface RulePresetInfo {
  id: string;
  title: string;
  summary: string;
}

export const RULE_PRESETS: RulePresetInfo[] = [
  { id: 'learning-org', title: '学习型党组织', summary: '四带头（班子成员）+ 五坚持（全体党员）+ 支部“四举办”' },
  { id: 'shuxiang-organ', title: '书香机关', summary: '在五坚持基础上每月读一本书、写一篇1500字心得、每季品评' },
];

export function isRulePreset(id: string): boolean {
  return RULE_PRESETS.some((p) => p.id === id);
}
