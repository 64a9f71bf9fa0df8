// The demo branch: the same every run, and every ID, date and post in it believable and valid.
import { describe, expect, it } from 'vitest';
import { DEMO_JOINED_ON, DEMO_LEFT_ON, demoOrganisation, seededRandom } from '../../src/domain/demoData.js';
import { validateIdCard, validatePhone } from '../../src/domain/idcard.js';
import { isLeaderPost, parseCategory } from '../../src/domain/member.js';
import { isPlausibleName } from '../../src/domain/text.js';

describe('demoOrganisation', () => {
  const demo = demoOrganisation();
  const members = demo.members;

  it('is deterministic', () => {
    expect(demoOrganisation()).toEqual(demo);
    expect(demoOrganisation(1)).not.toEqual(demo);
    const a = seededRandom(7), b = seededRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('is an organ branch of 25 with unique, plausible names', () => {
    expect(demo.organ).toBe('示范市财政局机关');
    expect(demo.branch).toBe('机关第一党支部');
    expect(demo.year).toBe(2026);
    expect(members).toHaveLength(25);
    expect(new Set(members.map((m) => m.name)).size).toBe(25);
    for (const m of members) expect(isPlausibleName(m.name), m.name).toBe(true);
    expect(members.some((m) => m.name.startsWith('欧阳'))).toBe(true);
    expect(members.some((m) => m.name.includes('·'))).toBe(true);
    expect(members.every((m) => m.branch === demo.branch)).toBe(true);
  });

  it('gives everyone a valid ID whose birth date and gender match', () => {
    expect(new Set(members.map((m) => m.idCard)).size).toBe(25);
    for (const m of members) {
      const r = validateIdCard(m.idCard!);
      expect(r.ok, `${m.name} ${m.idCard}`).toBe(true);
      if (!r.ok) continue;
      expect(r.birthDate).toBe(m.birthDate);
      expect(r.gender).toBe(m.gender);
      const year = Number(m.birthDate!.slice(0, 4));
      expect(year).toBeGreaterThanOrEqual(1965);
      expect(year).toBeLessThanOrEqual(1998);
    }
  });

  it('gives everyone a mobile number and sensible Party dates', () => {
    for (const m of members) {
      expect(validatePhone(m.phone!).ok, m.phone).toBe(true);
      expect(m.phone).toMatch(/^1\d{10}$/);
      expect(m.joinPartyDate! > m.birthDate!).toBe(true);
      if (m.fullMemberDate) expect(m.fullMemberDate > m.joinPartyDate!).toBe(true);
    }
    expect(members.filter((m) => m.ethnicity === '汉族').length).toBeGreaterThan(20);
  });

  it('has a committee of 5 and 2 probationary members', () => {
    const leaders = members.filter((m) => m.leader === '是');
    expect(leaders.map((m) => m.partyPost).sort()).toEqual(['书记', '副书记', '宣传委员', '组织委员', '纪检委员'].sort());
    expect(leaders.every((m) => isLeaderPost(m.partyPost))).toBe(true);
    expect(members.filter((m) => !m.partyPost).every((m) => m.leader === '否')).toBe(true);
    const probationary = members.filter((m) => parseCategory(m.category!) === '预备');
    expect(probationary).toHaveLength(2);
    expect(probationary.every((m) => !m.fullMemberDate)).toBe(true);
  });

  it('has one member who joined on 2026-07-01 and one who left on 2026-03-01', () => {
    expect(members.filter((m) => m.onRollFrom).map((m) => m.onRollFrom)).toEqual([DEMO_JOINED_ON]);
    expect(members.filter((m) => m.onRollLeft).map((m) => m.onRollLeft)).toEqual([DEMO_LEFT_ON]);
    expect(DEMO_JOINED_ON).toBe('2026-07-01');
    expect(DEMO_LEFT_ON).toBe('2026-03-01');
  });
});
