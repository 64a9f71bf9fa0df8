// The one place that decides whether output is coloured: --no-color, NO_COLOR, --json, or no TTY.

export interface ColourChoice {
  noColorFlag?: boolean;
  json?: boolean;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** True when ANSI colour may be written to the stream described. */
export function useColour(c: ColourChoice): boolean {
  if (c.noColorFlag || c.json) return false;
  if (c.env.NO_COLOR !== undefined && c.env.NO_COLOR !== '') return false;
  if (c.env.FORCE_COLOR && c.env.FORCE_COLOR !== '0') return true;
  return c.isTTY;
}
