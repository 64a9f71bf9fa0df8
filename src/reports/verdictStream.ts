// The verdicts of `audit --json` written as UTF-8 bytes while the audit runs (buildAudit's emit/emitMet):
// VerdictStream and the buffers it writes into, the ChunkList the document writer takes them as. The document
// around them, and the generic serialisation they must equal byte for byte, are auditJson.ts.
import type { Figure, MetParts } from '../domain/engine/types.js';
import { mapFigure } from '../domain/engine/figures.js';
import { sessionOfAttendance } from '../store/evidenceLoad.js';
import { branchOf, citesOf, type AuditVerdict, type VerdictNames } from './audit.js';
import { verdictJson } from './auditJson.js';

/** Bytes of verdict text held per buffer before a new one is begun. */
const CHUNK = 1 << 18;

/**
 * The verdicts' compact text written as the audit runs (buildAudit's `emit`), so no verdict outlives the
 * moment it is made: an organ's year is ~360,000 verdicts (80 MB of JSON), and kept as objects until
 * written they cost more in garbage collection than their text costs to make. Each verdict is written
 * straight into UTF-8 bytes (outside the JavaScript heap) — names, keys and sentences as literals made and
 * masked once, numbers digit by digit — and held until the document is written: rules in rule order, each
 * rule's verdicts in the order they were made. The bytes are those of mask(JSON.stringify(verdictJson))
 * (test/unit/auditJsonText.test.ts holds the two to each other); a verdict with anything the fast path
 * does not know (a number of 11 digits or more, a key the mask changes, a value not a number) is written
 * that generic way.
 */
export class VerdictStream {
  private readonly rules = new Map<string, RuleBytes>();
  private readonly literals = new Map<string, Uint8Array>();
  private readonly keys = new Map<string, Uint8Array | null>();
  private names: VerdictNames | undefined;
  /** By member id (branch duties by −1 − branch id): the branch last shown with, and the piece. */
  private people = new Map<number, { branchId: number; bytes: Uint8Array }>();
  private readonly periods = new Map<string, Map<string, Uint8Array>>();
  private count = 0;
  private out!: RuleBytes;

  constructor(private readonly mask: (json: string) => string) {}

  /** One verdict as made; `names` are the audit's (the same for every verdict of it). */
  add(v: AuditVerdict, names: VerdictNames): void {
    const mark = this.begin(v.rule, names);
    if (!this.fast(v)) this.generic(mark, v);
  }

  /** A 'met' verdict in parts (buildAudit's emitMet): the bytes add() writes for the verdict they make. */
  addMet(m: MetParts, names: VerdictNames): void {
    const mark = this.begin(m.rule, names);
    if (!this.fastMet(m)) this.generic(mark, metVerdict(m));
  }

  /** Starts a verdict in its rule's bytes (after a comma when not the first); where it begins. */
  private begin(rule: string, names: VerdictNames): ReturnType<RuleBytes['mark']> {
    if (names !== this.names) { this.names = names; this.people = new Map(); }
    let out = this.rules.get(rule);
    if (!out) this.rules.set(rule, (out = new RuleBytes()));
    this.out = out;
    if (out.made++) out.byte(44);
    this.count++;
    return out.mark();
  }

  /** A verdict the fast way could not write: rewound, and written as mask(JSON.stringify) writes it. */
  private generic(mark: ReturnType<RuleBytes['mark']>, v: AuditVerdict): void {
    this.out.rewind(mark);
    this.out.bytes(Buffer.from(this.mask(JSON.stringify(verdictJson(this.names!, v))), 'utf8'));
  }

  private fastMet(m: MetParts): boolean {
    const o = this.out;
    o.bytes(this.ruleHead(m.rule));
    o.bytes(this.who(m.memberId, m.branchId));
    o.bytes(this.when(m.period, 'met'));
    if (!this.figure(m.required)) return false;
    o.bytes(KEY.actual); if (!this.figure(m.actual)) return false;
    o.bytes(KEY.gap);
    if (typeof m.required === 'number') o.byte(48);
    else if (!this.figure(mapFigure(m.required, () => 0))) return false;
    o.bytes(KEY.evidence);
    // As citesOf names them, in the order the metrics list them: sign-ins as the sessions attended, the
    // lectures logged, the self-study rows.
    const { attendance, lectures, selfStudy } = m.cites;
    let n = 0;
    if (attendance.length && !this.cite(CITE_KEY.attendance, attendance, true, n++)) return false;
    if (lectures.length && !this.cite(CITE_KEY.lectures, lectures, false, n++)) return false;
    if (selfStudy.length && !this.cite(CITE_KEY.selfStudy, selfStudy, false, n++)) return false;
    o.byte(125);
    o.byte(125);
    return true;
  }

  /** One list of the evidence (after `before` others): `"key":[ids]`. */
  private cite(name: string, ids: number[], sessions: boolean, before: number): boolean {
    const key = this.key(name);
    if (!key) return false;
    if (before) this.out.byte(44);
    this.out.bytes(key);
    return this.out.ids(ids, sessions);
  }

  /** Writes `v` the fast way; false (part written) when it holds something only the generic way writes. */
  private fast(v: AuditVerdict): boolean {
    const o = this.out;
    // The pieces with no number in them, each made once: `{"rule":…`, `,"member":…,"branch":…`, and
    // `,"period":…,"status":…,"required":`.
    o.bytes(this.ruleHead(v.rule));
    o.bytes(this.who(v.memberId, v.branchId));
    o.bytes(this.when(v.period, v.status));
    if (!this.figure(v.required)) return false;
    o.bytes(KEY.actual); if (!this.figure(v.actual)) return false;
    o.bytes(KEY.gap); if (!this.figure(v.gap)) return false;
    o.bytes(KEY.evidence);
    const cites = citesOf(v.evidence);
    let first = true;
    for (const k in cites) {
      const key = this.key(k);
      if (!key) return false;
      if (!first) o.byte(44);
      first = false;
      o.bytes(key);
      if (!o.ids(cites[k]!, false)) return false;
    }
    o.byte(125);
    if (v.need) { o.bytes(KEY.need); o.bytes(this.literal(v.need)); }
    if (v.daysLeft !== undefined) { o.bytes(KEY.daysLeft); if (!this.number(v.daysLeft)) return false; }
    if (v.note) { o.bytes(KEY.note); o.bytes(this.literal(v.note)); }
    o.byte(125);
    return true;
  }

  private readonly heads = new Map<string, Uint8Array>();
  private ruleHead(rule: string): Uint8Array {
    let b = this.heads.get(rule);
    if (!b) this.heads.set(rule, (b = join(KEY.rule, this.literal(rule))));
    return b;
  }

  /** `,"member":…,"branch":…` (no member for a branch's duty, or a member without a name). */
  private who(memberId: number | undefined, branchId: number): Uint8Array {
    const key = memberId === undefined ? -1 - branchId : memberId;
    let got = this.people.get(key);
    if (got && got.branchId === branchId) return got.bytes;
    const name = memberId === undefined ? undefined : this.names!.memberNames.get(memberId);
    const branch = this.literal(branchOf(this.names!, { branchId } as AuditVerdict));
    got = { branchId, bytes: name === undefined ? join(KEY.branch, branch) : join(KEY.member, this.literal(name), KEY.branch, branch) };
    this.people.set(key, got);
    return got.bytes;
  }

  /** `,"period":…,"status":…,"required":`. */
  private when(period: string, status: string): Uint8Array {
    let byStatus = this.periods.get(period);
    if (!byStatus) this.periods.set(period, (byStatus = new Map()));
    let b = byStatus.get(status);
    if (!b) byStatus.set(status, (b = join(KEY.period, this.literal(period), KEY.status, this.literal(status), KEY.required)));
    return b;
  }

  /** A number as JSON.stringify writes it; false for one the mask may change (11 digits or more). */
  private number(n: number): boolean {
    if (n >= 0 && n < 2147483648 && Math.floor(n) === n) { this.out.uint(n); return true; }
    if (Math.abs(n) >= 1e10) return false;
    this.out.ascii(JSON.stringify(n));
    return true;
  }

  private figure(f: Figure): boolean {
    if (typeof f === 'number') return this.number(f);
    if (typeof f !== 'object' || f === null) return false;
    const o = this.out;
    o.byte(123);
    let first = true;
    for (const k in f) {
      const value = f[k];
      const key = this.key(k);
      if (typeof value !== 'number' || !key) return false;
      if (!first) o.byte(44);
      first = false;
      o.bytes(key);
      if (!this.number(value)) return false;
    }
    o.byte(125);
    return true;
  }

  /** A string's literal, masked, as JSON.stringify writes the masked string (verdictsText's text()). */
  private literal(s: string): Uint8Array {
    let b = this.literals.get(s);
    if (!b) this.literals.set(s, (b = Buffer.from(JSON.stringify(JSON.parse(this.mask(JSON.stringify(s))) as string), 'utf8')));
    return b;
  }

  /** An object key's literal and a colon; null when the mask would change the key (then written the generic way). */
  private key(k: string): Uint8Array | null {
    let b = this.keys.get(k);
    if (b === undefined) {
      const lit = JSON.stringify(k);
      this.keys.set(k, (b = this.mask(lit) === lit ? Buffer.from(`${lit}:`, 'utf8') : null));
    }
    return b;
  }

  /** Every verdict made, rules in `ruleOrder` (any other rule after them). */
  list(ruleOrder: string[]): ChunkList {
    const order = [...ruleOrder, ...[...this.rules.keys()].filter((id) => !ruleOrder.includes(id))];
    const chunks: Uint8Array[] = [];
    for (const id of order) {
      const r = this.rules.get(id);
      if (!r?.made) continue;
      if (chunks.length) chunks.push(COMMA);
      chunks.push(...r.done());
    }
    return new ChunkList(this.count, chunks);
  }
}

/** The verdict a MetParts stands for (JudgeOptions.onMetCited): what judged() makes of it. */
export function metVerdict(m: MetParts): AuditVerdict {
  const evidence: AuditVerdict['evidence'] = {};
  if (m.cites.attendance.length) evidence.attendance = [...m.cites.attendance];
  if (m.cites.lectures.length) evidence.lectures = [...m.cites.lectures];
  if (m.cites.selfStudy.length) evidence.selfStudy = [...m.cites.selfStudy];
  // (A quota reached: 0 in every part, as gapOf gives it.)
  const gap = mapFigure(m.required, () => 0);
  return { rule: m.rule, memberId: m.memberId, branchId: m.branchId, period: m.period, status: 'met', required: m.required, actual: m.actual, gap, evidence, daysLeft: undefined, need: undefined, note: undefined };
}

/** The names citesOf gives the tables a MetParts cites (attendance: the sessions attended). */
const CITE_KEY = {
  attendance: Object.keys(citesOf({ attendance: [0] }))[0]!,
  lectures: Object.keys(citesOf({ lectures: [0] }))[0]!,
  selfStudy: Object.keys(citesOf({ selfStudy: [0] }))[0]!,
};

const bytesOf = (s: string) => Buffer.from(s, 'utf8');
const join = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const COMMA = bytesOf(',');
const KEY = {
  rule: bytesOf('{"rule":'), member: bytesOf(',"member":'), branch: bytesOf(',"branch":'), period: bytesOf(',"period":'),
  status: bytesOf(',"status":'), required: bytesOf(',"required":'), actual: bytesOf(',"actual":'), gap: bytesOf(',"gap":'),
  evidence: bytesOf(',"evidence":{'), need: bytesOf(',"need":'), daysLeft: bytesOf(',"daysLeft":'), note: bytesOf(',"note":'),
};

/** One rule's verdict text: full buffers, and the one being written. */
class RuleBytes {
  made = 0;
  private readonly full: Uint8Array[] = [];
  private buf: Buffer = Buffer.allocUnsafe(CHUNK);
  private at = 0;

  /** Room for `n` more bytes (a new buffer when the current one is full). */
  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    this.full.push(this.buf.subarray(0, this.at));
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK, n));
    this.at = 0;
  }

  byte(b: number): void {
    if (this.at >= this.buf.length) this.room(1);
    this.buf[this.at++] = b;
  }

  bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    const buf = this.buf;
    let at = this.at;
    if (n > 24) buf.set(b, at);
    else for (let k = 0; k < n; k++) buf[at + k] = b[k]!;
    this.at = at + n;
  }

  /** Characters below 128 only. */
  ascii(s: string): void {
    this.room(s.length);
    for (let k = 0; k < s.length; k++) this.buf[this.at++] = s.charCodeAt(k);
  }

  /** A whole number 0 ≤ n < 2³¹ in decimal. */
  uint(n: number): void {
    let len = 1;
    for (let x = n; x >= 10; x = (x / 10) | 0) len++;
    this.room(len);
    let p = (this.at += len);
    const buf = this.buf;
    do { buf[--p] = 48 + (n % 10); n = (n / 10) | 0; } while (n > 0);
  }

  /** `[id,id,…]`: whole numbers 0 ≤ id < 2³¹ (sign-ins' attendance ids as their sessions); false at any
   * other (the caller writes the verdict the generic way). */
  ids(ids: ArrayLike<number>, sessions: boolean): boolean {
    this.room(2 + ids.length * 11);
    const buf = this.buf;
    let at = this.at;
    buf[at++] = 91;
    for (let i = 0; i < ids.length; i++) {
      let n = sessions ? sessionOfAttendance(ids[i]!) : ids[i]!;
      if (!(n >= 0 && n < 2147483648 && Math.floor(n) === n)) return false;
      if (i) buf[at++] = 44;
      let len = 1;
      for (let x = n; x >= 10; x = (x / 10) | 0) len++;
      let p = (at += len);
      do { buf[--p] = 48 + (n % 10); n = (n / 10) | 0; } while (n > 0);
    }
    buf[at++] = 93;
    this.at = at;
    return true;
  }

  /** Where the writing is, to go back to (a verdict begun the fast way and written the generic way). */
  mark(): { full: number; at: number; buf: Buffer } {
    return { full: this.full.length, at: this.at, buf: this.buf };
  }

  rewind(m: { full: number; at: number; buf: Buffer }): void {
    if (this.full.length > m.full) {
      this.full.length = m.full;
      this.buf = m.buf;
    }
    this.at = m.at;
  }

  /** Every byte written, in order. */
  done(): Uint8Array[] {
    return [...this.full, this.buf.subarray(0, this.at)];
  }
}

/** A list already written as compact JSON text (items joined by commas, without the brackets), as chunks of
 * UTF-8 bytes to be written one after another. Read back whole by toJSON (never needed on the compact path). */
export class ChunkList {
  constructor(readonly length: number, readonly chunks: readonly Uint8Array[]) {}
  toJSON(): unknown[] { return JSON.parse(`[${Buffer.concat(this.chunks).toString('utf8')}]`) as unknown[]; }
}
