import type { CleanDoc, DecodedPage } from '../types.js';
import { cleanTextDump } from './text.js';
export function cleanHtml(page: DecodedPage): CleanDoc { return cleanTextDump(page); }
