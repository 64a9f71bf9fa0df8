import type { Command } from 'commander';
import type { Act } from '../program.js';

export function registerBooks(_program: Command, _act: Act): void {}
