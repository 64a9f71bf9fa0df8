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

/** The colours the terminal output uses. */
export type Colour = 'red' | 'green' | 'yellow' | 'cyan' | 'gray' | 'bold';

/** Wraps text in a colour (or returns it as is): what a terminal renderer is given instead of the CLI context. */
export type Paint = (colour: Colour, text: string) => string;

const CODES: Record<Colour, [number, number]> = { red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39], gray: [90, 39], bold: [1, 22] };

/** The paint function for output that is coloured (`on`) or plain. */
export function painter(on: boolean): Paint {
  return (colour, text) => (on ? `\u001b[${CODES[colour][0]}m${text}\u001b[${CODES[colour][1]}m` : text);
}
