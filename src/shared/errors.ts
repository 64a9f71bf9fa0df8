// Typed errors: every expected failure carries its exit code, and only cli/main.ts turns it into one.

/** Base of every error the user is meant to read (no stack trace is shown for these). */
export class ShuxiangError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    /** Extra lines (one per problem) printed under the message. */
    readonly details: string[] = [],
    /** Technical detail (often a library's English message), shown only with -v. */
    readonly technical?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad usage or bad input: exit 2, nothing written. */
export class UserError extends ShuxiangError {
  constructor(message: string, details: string[] = [], technical?: string) {
    super(message, 2, details, technical);
  }
}

/** The audit found gaps in an ended period: exit 1. */
export class AuditGaps extends ShuxiangError {
  constructor(message: string) {
    super(message, 1);
  }
}

/** The database cannot be opened or used: exit 3. */
export class DbError extends ShuxiangError {
  constructor(message: string, details: string[] = []) {
    super(message, 3, details);
  }
}

/** The user cancelled an interactive prompt (Ctrl-C): exit 130, nothing written. */
export class CancelledError extends ShuxiangError {
  constructor() {
    super('已取消，未做任何修改。', 130);
  }
}
