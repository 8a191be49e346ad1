import type { Command } from 'commander';
import type { SetExit } from './errors.js';

// Placeholder: replaced by the owner of this command.
export function register(_program: Command, _setExit: SetExit): void {}
