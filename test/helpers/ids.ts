// Valid test ID numbers (GB 11643 checksum) for a given birth date and sequence.
import { idCardCheckChar } from '../../src/domain/idcard.js';

/** 18-digit ID for birth YYYYMMDD; odd `seq` = male, even = female. */
export function makeId(birth: string, seq: number, area = '110105'): string {
  const body = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return body + idCardCheckChar(body);
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国';

/** A distinct, plausible Chinese name for each k (up to 18,000). */
export function makeName(k: number): string {
  return SURNAMES[k % 20]! + GIVEN[Math.floor(k / 20) % 30]! + GIVEN[Math.floor(k / 600) % 30]!;
}
