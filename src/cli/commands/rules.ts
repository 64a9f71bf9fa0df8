import type { Command } from 'commander';
import type { Act } from '../program.js';

export function registerRules(_program: Command, _act: Act): void {}
