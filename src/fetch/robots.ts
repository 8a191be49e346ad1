/**
 * robots.txt as RFC 9309 defines it: groups of `user-agent` lines followed by `allow` / `disallow` rules; the group
 * for our product token (case-insensitive) applies, else the `*` group; the longest matching rule wins and, on a tie,
 * `allow` wins; `*` matches any run of characters and a final `$` anchors the end of the path. `crawl-delay` is not in
 * the RFC but widely used by news sites, so it is read and honoured when it asks for more than our own interval.
 */

export interface RobotsRule {
  allow: boolean;
  /** The path pattern as written (after percent-encoding normalization). */
  pattern: string;
}

interface Group {
  agents: string[];
  rules: RobotsRule[];
  crawlDelaySec: number | null;
}

export interface Robots {
  groups: Group[];
}

export interface RobotsVerdict {
  allowed: boolean;
  /** The rule that decided, when one did (`Disallow: /private`). */
  rule: string | null;
}

/** Whole-file answers for when robots.txt could not be read (RFC 9309 §2.3.1). */
export const ALLOW_ALL: Robots = { groups: [] };
export const DISALLOW_ALL: Robots = { groups: [{ agents: ['*'], rules: [{ allow: false, pattern: '/' }], crawlDelaySec: null }] };

/** RFC 9309 §2.5: crawlers should read at least 500 KiB; anything after that is ignored. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

export function parseRobots(text: string): Robots {
  const groups: Group[] = [];
  let current: Group | null = null;
  // A user-agent line right after another one (or after nothing but comments) adds to the same group; after a rule
  // it starts a new group.
  let lastWasAgent = false;
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const field = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelaySec: null };
        groups.push(current);
      }
      current.agents.push(productToken(value));
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue; // rules before any user-agent line belong to no group
    if (field === 'allow' || field === 'disallow') {
      // An empty `Disallow:` allows everything, which is what no rule at all means: skip it.
      if (!value) continue;
      current.rules.push({ allow: field === 'allow', pattern: normalizePath(value) });
    } else if (field === 'crawl-delay') {
      const n = Number(value);
      if (Number.isFinite(n) && n >= 0) current.crawlDelaySec = n;
    }
  }
  return { groups };
}

/** `Googlebot/2.1 (+http://…)` → `googlebot`: robots.txt groups name a product token, compared case-insensitively. */
export function productToken(userAgent: string): string {
  const token = /^[^\s/]*/.exec(userAgent.trim())![0];
  return token.toLowerCase();
}

/** The rules that apply to a user agent: every group naming its product token, merged; else every `*` group. */
function rulesFor(robots: Robots, userAgent: string): { rules: RobotsRule[]; crawlDelaySec: number | null } {
  const token = productToken(userAgent);
  let chosen = robots.groups.filter((g) => g.agents.includes(token));
  if (!chosen.length) chosen = robots.groups.filter((g) => g.agents.includes('*'));
  const delays = chosen.map((g) => g.crawlDelaySec).filter((d): d is number => d !== null);
  return { rules: chosen.flatMap((g) => g.rules), crawlDelaySec: delays.length ? Math.max(...delays) : null };
}

export function crawlDelayMs(robots: Robots, userAgent: string): number | null {
  const d = rulesFor(robots, userAgent).crawlDelaySec;
  return d === null ? null : d * 1000;
}

/** Whether the user agent may fetch the URL (its path and query). */
export function isAllowed(robots: Robots, userAgent: string, url: string | URL): RobotsVerdict {
  const u = typeof url === 'string' ? new URL(url) : url;
  const target = normalizePath(u.pathname + u.search);
  if (target === '/robots.txt') return { allowed: true, rule: null };
  let best: RobotsRule | null = null;
  for (const rule of rulesFor(robots, userAgent).rules) {
    if (!matches(rule.pattern, target)) continue;
    const longer = !best || rule.pattern.length > best.pattern.length;
    const tieAllow = best && rule.pattern.length === best.pattern.length && rule.allow && !best.allow;
    if (longer || tieAllow) best = rule;
  }
  if (!best) return { allowed: true, rule: null };
  return { allowed: best.allow, rule: `${best.allow ? 'Allow' : 'Disallow'}: ${best.pattern}` };
}

/** Prefix match with `*` (any run of characters) and a final `$` (end of path). */
export function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const parts = body.split('*');
  // The first part must stand at the start; every later part is found left-most after the previous one, which is
  // enough for a prefix match. With `$`, the last part must also end the path, so it is looked for from the end.
  if (!path.startsWith(parts[0]!)) return false;
  let pos = parts[0]!.length;
  if (parts.length === 1) return anchored ? pos === path.length : true;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    if (last && anchored) {
      return path.length - part.length >= pos && path.endsWith(part);
    }
    const at = path.indexOf(part, pos);
    if (at < 0) return false;
    pos = at + part.length;
  }
  return true;
}

/**
 * Percent-encoding normalized the way RFC 9309 §2.2.2 compares paths: characters outside US-ASCII are UTF-8
 * percent-encoded, and escapes of unreserved characters are decoded, with hex digits in upper case, so `/%7Ea`, `/~a`
 * and `/%7ea` are one path.
 */
export function normalizePath(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(p.slice(i + 1, i + 3))) {
      const code = parseInt(p.slice(i + 1, i + 3), 16);
      const ch = String.fromCharCode(code);
      out += /[A-Za-z0-9\-._~]/.test(ch) ? ch : '%' + p.slice(i + 1, i + 3).toUpperCase();
      i += 2;
    } else if (c.charCodeAt(0) > 0x7e || c.charCodeAt(0) < 0x21) {
      // a surrogate pair is one code point: encode it whole
      const cp = p.codePointAt(i)!;
      const s = String.fromCodePoint(cp);
      out += encodeURIComponent(s);
      i += s.length - 1;
    } else {
      out += c;
    }
  }
  return out;
}
