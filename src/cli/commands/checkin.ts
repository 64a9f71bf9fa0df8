import type { Command } from 'commander';
import type { Act } from '../program.js';

export function registerCheckin(_program: Command, _act: Act): void {}
