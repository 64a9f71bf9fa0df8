// Migration 6 (issue 18): self-study totals per member and month, kept by triggers as rows are written,
// changed, removed or undone — so an organ's audit reads ~60,000 monthly totals instead of 1.7 million
// days. Hours are summed as integer micro-hours, so totals are exact whatever order rows come and go in
// (an undo restores the table bit for bit). Not a data table: never journalled or exported (it follows
// self_study).
import type { Migration } from './migration.js';

// A row counts as a noted day when it has notes and no other row of that member and day has.
const otherNoted = (row: 'NEW' | 'OLD', self: string) =>
  `EXISTS (SELECT 1 FROM self_study s WHERE s.member_id = ${row}.member_id AND s.date = ${row}.date AND s.notes <> 0 AND s.id <> ${self})`;
const add = (row: 'NEW') => `
  INSERT INTO study_months (member_id, month, micro_hours, rows, note_rows, note_days)
  VALUES (${row}.member_id, substr(${row}.date, 1, 7), CAST(round(${row}.hours * 1000000) AS INTEGER), 1, ${row}.notes <> 0,
          ${row}.notes <> 0 AND NOT ${otherNoted(row, `${row}.id`)})
  ON CONFLICT (member_id, month) DO UPDATE SET micro_hours = micro_hours + excluded.micro_hours, rows = rows + 1,
    note_rows = note_rows + excluded.note_rows, note_days = note_days + excluded.note_days;`;
// `self` is the id that no longer holds OLD's values (the row itself after an update; after a delete, none).
const remove = (self: string) => `
  UPDATE study_months SET micro_hours = micro_hours - CAST(round(OLD.hours * 1000000) AS INTEGER), rows = rows - 1,
    note_rows = note_rows - (OLD.notes <> 0), note_days = note_days - (OLD.notes <> 0 AND NOT ${otherNoted('OLD', self)})
  WHERE member_id = OLD.member_id AND month = substr(OLD.date, 1, 7);
  DELETE FROM study_months WHERE member_id = OLD.member_id AND month = substr(OLD.date, 1, 7) AND rows = 0;`;

/** Schema version 6: study_months and the triggers that keep it. */
export const STUDY_MONTHS_MIGRATION: Migration = {
  version: 6,
  name: 'self-study monthly totals',
  sql: `
    CREATE TABLE study_months (
      member_id   INTEGER NOT NULL,
      month       TEXT NOT NULL,
      micro_hours INTEGER NOT NULL,
      rows        INTEGER NOT NULL,
      note_rows   INTEGER NOT NULL,
      note_days   INTEGER NOT NULL,
      PRIMARY KEY (member_id, month)
    ) WITHOUT ROWID;
    INSERT INTO study_months
      SELECT member_id, substr(date, 1, 7), sum(CAST(round(hours * 1000000) AS INTEGER)), count(*), sum(notes <> 0),
             count(DISTINCT CASE WHEN notes <> 0 THEN date END)
      FROM self_study GROUP BY member_id, substr(date, 1, 7);
    CREATE TRIGGER study_months_insert AFTER INSERT ON self_study BEGIN ${add('NEW')} END;
    CREATE TRIGGER study_months_delete AFTER DELETE ON self_study BEGIN ${remove('-1')} END;
    CREATE TRIGGER study_months_update AFTER UPDATE OF member_id, date, hours, notes ON self_study BEGIN ${remove('NEW.id')} ${add('NEW')} END;
  `,
};
