/**
 * Loading the rule set: every `extractors/<lang>/*.yaml` file is parsed, validated against RULE_FILE_SCHEMA and
 * turned into compiled rules. A malformed file fails the whole load with the file, the line and what is wrong, so
 * nothing is ever extracted with half a rule set.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { lazyValidator } from '../schema.js';
import { loadYamlCached } from './yaml-cache.js';
import { packageRoot } from '../paths.js';
import { FACT_TYPES, type FactType, type RuleLang } from '../types.js';
import { normalizeQuery } from '../normalize/normalize.js';
import type { ContextSpec } from './context.js';
import type { PeriodVocabulary } from '../resolve/period.js';
import type { ModalityVocabulary } from '../resolve/modality.js';
import type { PlaceVocabulary } from '../resolve/places.js';
import { makeSegmenter, type Segmenter } from '../segment/index.js';
import { COUNTRY_FILE, compileCountrySpec, type CountrySpec } from '../resolve/country.js';

export interface RuleExampleFact {
  type?: FactType;
  value: number;
  value_max?: number;
  unit: string;
  qualifier?: string;
}

export interface RuleExample {
  text: string;
  facts?: RuleExampleFact[];
  note?: string;
}

/** A rule as written in YAML. */
export interface RuleSpec {
  id: string;
  description: string;
  type: FactType;
  triggers: string[];
  /** Quantity kinds the rule reads (money, count). */
  kinds: Array<'money' | 'count'>;
  /** Accepted quantity units: a currency code or counter code → the fact's unit. */
  units: Record<string, string>;
  /** How many characters may stand between trigger and figure, trigger before / after the figure. */
  window?: { before?: number; after?: number };
  /** Words that veto the match when they stand between trigger and figure or just before the figure. */
  exclusions?: string[];
  /** Words that veto the match when they stand anywhere in the figure's clause. */
  clause_exclusions?: string[];
  /** Head nouns (`职工`, `人数`): triggers that a verb of another rule right before them overrules (`培训企业职工`). */
  nouns?: string[];
  /** Regular expressions that act as triggers (`“[^”]{1,10}贷”` for a quoted loan product). */
  trigger_patterns?: string[];
  /**
   * Nouns that say what a figure counts when they follow its number (`18 bác sĩ`, `45 thuyền viên`): a bare number before
   * one is read as a count of persons, and the noun speaks for this rule from inside the figure — only when no trigger
   * around the figure does (src/extract/counted.ts). Never triggers elsewhere in the sentence.
   */
  counted_nouns?: string[];
  /** When given, the figure's clause must hold one of these words (`扶持`, `引进` for counts of projects). */
  clause_requires?: string[];
  /** When given, the figure's sentence must hold one of these words (enterprises founded, supported, tallied). */
  sentence_requires?: string[];
  /** Words that veto the match when they stand anywhere in the figure's sentence (`签订协议` for investment). */
  sentence_exclusions?: string[];
  /** Tie-break between rules at equal distance: higher wins. */
  priority?: number;
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
}

/** Language-wide settings: words that make any figure a non-fact (changes, per-unit rates). */
export interface LanguageSpec {
  language: RuleLang;
  /** Figures right after these words are changes or rates, never totals (`同比增加`, `每亩`). */
  veto_before: string[];
  /** Figures right before these words are rates (`/亩`, `/ha`). */
  veto_after: string[];
  /** After a figure with a trailing qualifier (`10人以上`), these make it a condition (`…以上的创业实体`). */
  threshold_after?: string[];
  /** …unless it is one of these: a yearly total (`30 tỷ đồng/năm`) is a fact. */
  veto_after_unless?: string[];
  /** Clause separators: a trigger is not looked for across them. */
  barriers: string[];
  /** A figure whose clause has one of these before it is per unit or a cap (`每人`, `tối đa`), unless the word starts one of `veto_clause_unless` (`每年`). */
  veto_clause?: string[];
  veto_clause_unless?: string[];
  /**
   * Words right before a money figure that name it as the amount of an action stated earlier in its sentence (`… cho 75
   * doanh nghiệp vay vốn để trả lương …, với số tiền 13,4 tỷ đồng`): the nearest trigger before it speaks, however far.
   */
  amount_of?: string[];
  /**
   * Chinese: nouns for people after which a bare `800万` counts persons, not yuan (`返乡创业人员已超过800万`,
   * `带动的就业人数超过700万`); a noun of person-times (`人次`) gives unit person_time. `人次` must be listed as such.
   */
  person_heads?: string[];
  /** Chinese: nouns for people or jobs right after a bare `2万` that make it a count (`带动2万农民工就业`). */
  person_nouns?: string[];
  /**
   * A figure restated later in the document (same type, unit and value: a package named by its size again, the
   * headline's amount in the body) is the fact already stored: money amounts, and counts of at least `min_count` (small
   * counts coincide in lists of staff). A figure in an item of an enumeration (a line opened by `-`, `•`, `+`) is its
   * item's own, whatever the items before it state (three projects of 50 triệu đồng each). `min_distance`: an equal
   * amount fewer characters than this after the first, with no full stop between them, is another item of a list, not a
   * restatement. `increment`: words
   * of what a period added (`新增`, `tăng thêm`): a figure with one in its clause and no running total (the resolver's
   * `cumulative`) and a running total with none are two figures even when equal (`累计放款100亿元` … `今年新增放款100亿元`).
   * `examples`: sentences with the number of facts they yield. Absent: every mention is a fact.
   */
  restated?: { min_count: number; min_distance?: number; increment?: string[]; examples?: Array<{ text: string; facts: number }> };
  /** Period and place patterns for this language. */
  context: Omit<ContextSpec, 'language'>;
  /** Words that resolve a figure's period, modality, running total and place (src/resolve/), with examples. */
  resolve?: ResolveSpec;
}

/** One `resolve.examples` entry: a sentence, its page's date, and what its first fact resolves to. */
export interface ResolveExample {
  text: string;
  published?: string | null;
  period?: [string | null, string | null] | null;
  modality?: 'achieved' | 'planned';
  cumulative?: boolean;
  province_code?: string | null;
  country?: string | null;
}

export interface ResolveSpec {
  period: PeriodVocabulary;
  modality: ModalityVocabulary;
  places?: PlaceVocabulary;
  examples?: ResolveExample[];
}

/**
 * What a number is NOT (`_not_facts.yaml`): one decision of the shared candidate stage, which passes a figure over
 * before any rule chooses a type (audiences, legal forms, caps and thresholds, money outside the six types).
 */
export interface NotFactSpec {
  id: string;
  /** The pattern of issue 13 this decision answers (1 audiences, 2 number words, 3 caps, 4 other money, 6 governing word). */
  pattern?: number;
  description: string;
  kinds: Array<'money' | 'count'>;
  /** Only figures in these units (`person`, `person_time`): recipients that are firms are still enterprises. */
  units?: string[];
  /** Only figures with one of these qualifiers (`more_than`: `超过200万人次的省份` is a threshold). */
  qualifiers?: string[];
  /** Only figures whose text matches this regular expression (`^(19|20)\\d\\d\\b`: a year, not a count). */
  figure_pattern?: string;
  /**
   * Where the decisive words stand: `counted` the counted phrase (the noun right after the figure, or before it in its
   * clause with no verb of a rule in between), `lead` before the figure in its clause, `after` after it in its clause,
   * `clause` / `sentence` anywhere in them, `figure` the figure's own first word (`một công ty`: the article "a"),
   * `before` anywhere before the figure in its sentence (`如果…，…上亿元的资金`: a condition or an example governs the
   * clauses after it, not those before), `actor` the nearest naming of who acts before the figure in its sentence: the
   * decision speaks when it is one of `words` (a firm, a family), not one of `unless` (a government, a programme).
   */
  scope: 'figure' | 'counted' | 'lead' | 'after' | 'clause' | 'sentence' | 'before' | 'actor';
  /**
   * Only figures governed by one of these words: it stands before the figure in its clause, within `reach.before`
   * (`投资`, `投入`: the actor of an investment is its investor).
   */
  governed_by?: string[];
  /** `actor`: a word right after one of these names whom the money goes to, not who spends it (`对企业投入`). */
  not_after?: string[];
  /** How many characters before / after the figure `counted`, `lead` and `after` look. */
  reach?: { before?: number; after?: number };
  words: string[];
  /**
   * With `clause` / `sentence`: a decisive word counts only when no other number stands between it and the figure (in
   * `学生600多名、教师40名` the students are the 600, not the 40).
   */
  own_figure?: boolean;
  /**
   * A part of a breakdown (`新增就业4200人，其中退役军人300人、残疾人120人`) counts what its total counts, its labels name
   * the part: with `not_parts` the decision does not speak for it.
   */
  not_parts?: boolean;
  /** Words in the same stretch that keep the figure a candidate (`每年` after `每`); for `figure`, within `reach` of it. */
  unless?: string[];
  examples: { passed: RuleExample[]; kept: RuleExample[] };
}

export interface NotFactDecision extends NotFactSpec {
  lang: RuleLang;
  file: string;
  figureRe: RegExp | null;
  normWords: string[];
  normUnless: string[];
  normGovernedBy: string[];
  normNotAfter: string[];
}

export interface Rule extends RuleSpec {
  lang: RuleLang;
  version: string;
  file: string;
  line: number;
  /** Triggers in normalized form (simplified, half-width), longest first. */
  normTriggers: string[];
  normExclusions: string[];
  normClauseExclusions: string[];
  normSentenceExclusions: string[];
  normClauseRequires: string[];
  normSentenceRequires: string[];
  normNouns: Set<string>;
  /** `counted_nouns` in normalized form, longest first. */
  normCountedNouns: string[];
  triggerPatterns: RegExp[];
}

export interface RuleSet {
  rules: Rule[];
  languages: Map<RuleLang, LanguageSpec & { normVetoBefore: string[]; normVetoAfter: string[]; normVetoClause: string[]; normVetoClauseUnless: string[]; normVetoAfterUnless: string[]; normAmountOf: string[]; normPersonHeads: string[]; normPersonNouns: string[]; normIncrement: string[] }>;
  /** The candidate stage's decisions per language (`_not_facts.yaml`), in file order. */
  notFacts: Map<RuleLang, NotFactDecision[]>;
  /** Hash of every rule version and language file: changes whenever any rule changes. */
  version: string;
  /** The document-country cues (`extractors/countries.yaml`); absent in a rules folder without that file. */
  countries?: CountrySpec;
  /** The Chinese word segmenter these rules cut with (their words kept whole; see segment/index.ts). */
  segmenter: Segmenter;
}

export class RuleLoadError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    message: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
  }
}

/** A list of non-empty words: the shape of most rule and language fields. */
const WORDS = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

const EXAMPLE_SCHEMA = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1 },
    note: { type: 'string' },
    facts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['value', 'unit'],
        additionalProperties: false,
        properties: {
          type: { enum: [...FACT_TYPES] },
          value: { type: 'number' },
          value_max: { type: 'number' },
          unit: { type: 'string' },
          qualifier: { enum: ['exact', 'more_than', 'approx', 'at_least', 'less_than', 'range'] },
        },
      },
    },
  },
};

export const RULE_FILE_SCHEMA = {
  type: 'object',
  required: ['language', 'rules'],
  additionalProperties: false,
  properties: {
    language: { enum: ['zh', 'vi', 'en'] },
    rules: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'description', 'type', 'triggers', 'kinds', 'units', 'examples'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^[a-z]{2}\\.[a-z_]+\\.[a-z0-9_]+$' },
          description: { type: 'string', minLength: 1 },
          type: { enum: [...FACT_TYPES] },
          triggers: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          kinds: { type: 'array', minItems: 1, items: { enum: ['money', 'count'] } },
          units: { type: 'object', minProperties: 1, additionalProperties: { type: 'string' } },
          window: {
            type: 'object',
            additionalProperties: false,
            properties: { before: { type: 'integer', minimum: 0 }, after: { type: 'integer', minimum: 0 } },
          },
          exclusions: WORDS,
          clause_exclusions: WORDS,
          sentence_exclusions: WORDS,
          clause_requires: WORDS,
          sentence_requires: WORDS,
          nouns: WORDS,
          trigger_patterns: WORDS,
          counted_nouns: WORDS,
          priority: { type: 'integer' },
          examples: {
            type: 'object',
            required: ['valid', 'invalid'],
            additionalProperties: false,
            properties: {
              valid: { type: 'array', minItems: 1, items: EXAMPLE_SCHEMA },
              invalid: { type: 'array', minItems: 1, items: EXAMPLE_SCHEMA },
            },
          },
        },
      },
    },
  },
};

export const LANGUAGE_FILE_SCHEMA = {
  type: 'object',
  required: ['language', 'veto_before', 'veto_after', 'barriers', 'context'],
  additionalProperties: false,
  properties: {
    language: { enum: ['zh', 'vi', 'en'] },
    veto_before: WORDS,
    veto_after: WORDS,
    barriers: WORDS,
    veto_clause: WORDS,
    veto_after_unless: WORDS,
    threshold_after: WORDS,
    veto_clause_unless: WORDS,
    amount_of: WORDS,
    person_heads: WORDS,
    person_nouns: WORDS,
    restated: {
      type: 'object',
      required: ['min_count'],
      additionalProperties: false,
      properties: {
        min_count: { type: 'number', minimum: 0 },
        min_distance: { type: 'number', minimum: 0 },
        increment: WORDS,
        examples: {
          type: 'array',
          items: {
            type: 'object',
            required: ['text', 'facts'],
            additionalProperties: false,
            properties: { text: { type: 'string', minLength: 1 }, facts: { type: 'integer', minimum: 0 } },
          },
        },
      },
    },
    context: {
      type: 'object',
      required: ['periods', 'places'],
      additionalProperties: false,
      properties: {
        periods: WORDS,
        places: WORDS,
        place_suffixes: WORDS,
        not_places: WORDS,
        known_places: WORDS,
        not_period_after: WORDS,
        compared_value_after: WORDS,
      },
    },
    resolve: {
      type: 'object',
      required: ['period', 'modality'],
      additionalProperties: false,
      properties: {
        period: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...Object.fromEntries(
              ['this_year', 'last_year', 'two_years_ago', 'next_year', 'to_date', 'until', 'since_after', 'since_before', 'coming', 'whole_year', 'year_end', 'vague'].map((k) => [k, WORDS]),
            ),
          },
        },
        modality: {
          type: 'object',
          required: ['planned', 'achieved', 'cumulative'],
          additionalProperties: false,
          properties: {
            planned: WORDS, planned_after: WORDS, achieved_later: WORDS, not_planned: WORDS, part_of: WORDS, not_inherited: WORDS, governed: WORDS, governed_not_before: WORDS, question: WORDS, provision_of: WORDS, purpose: WORDS, concessive: WORDS, planned_near_figure: WORDS, planned_scope: WORDS, plan_nouns: WORDS, completes: WORDS,
            not_planned_with: { type: 'object', additionalProperties: WORDS }, achieved: WORDS, cumulative: WORDS, not_cumulative: WORDS, stock: WORDS, rate: WORDS,
            not_planned_before: { oneOf: [WORDS, { type: 'object', additionalProperties: WORDS }] },
          },
        },
        places: {
          type: 'object',
          additionalProperties: false,
          properties: { national: WORDS, not_after_stem: WORDS, not_before_name: WORDS, caption_marks: WORDS },
        },
        examples: {
          type: 'array',
          items: {
            type: 'object',
            required: ['text'],
            additionalProperties: false,
            properties: {
              text: { type: 'string', minLength: 1 },
              published: { type: ['string', 'null'] },
              period: { type: ['array', 'null'], items: { type: ['string', 'null'] }, minItems: 2, maxItems: 2 },
              modality: { enum: ['achieved', 'planned'] },
              cumulative: { type: 'boolean' },
              province_code: { type: ['string', 'null'] },
              country: { type: ['string', 'null'] },
            },
          },
        },
      },
    },
  },
};

export const NOT_FACTS_FILE_SCHEMA = {
  type: 'object',
  required: ['language', 'decisions'],
  additionalProperties: false,
  properties: {
    language: { enum: ['zh', 'vi', 'en'] },
    decisions: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'description', 'kinds', 'scope', 'words', 'examples'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^[a-z_]+$' },
          pattern: { type: 'integer', minimum: 1 },
          description: { type: 'string', minLength: 1 },
          kinds: { type: 'array', minItems: 1, items: { enum: ['money', 'count'] } },
          units: WORDS,
          figure_pattern: { type: 'string', minLength: 1 },
          qualifiers: { type: 'array', items: { enum: ['exact', 'more_than', 'approx', 'at_least', 'less_than', 'range'] } },
          scope: { enum: ['figure', 'counted', 'lead', 'after', 'clause', 'sentence', 'before', 'actor'] },
          governed_by: WORDS,
          not_after: WORDS,
          reach: {
            type: 'object',
            additionalProperties: false,
            properties: { before: { type: 'integer', minimum: 0 }, after: { type: 'integer', minimum: 0 } },
          },
          words: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          own_figure: { type: 'boolean' },
          not_parts: { type: 'boolean' },
          unless: WORDS,
          examples: {
            type: 'object',
            required: ['passed', 'kept'],
            additionalProperties: false,
            properties: {
              passed: { type: 'array', minItems: 1, items: EXAMPLE_SCHEMA },
              kept: { type: 'array', minItems: 1, items: EXAMPLE_SCHEMA },
            },
          },
        },
      },
    },
  },
};

// Compiled when a file is first validated (never in a worker thread, which gets its rule set loaded).
const validateRuleFile = lazyValidator(RULE_FILE_SCHEMA);
const validateLanguageFile = lazyValidator(LANGUAGE_FILE_SCHEMA);
const validateNotFactsFile = lazyValidator(NOT_FACTS_FILE_SCHEMA);
const NOT_FACTS_FILE = '_not_facts.yaml';

export function defaultRulesDir(): string {
  return path.join(packageRoot(), 'extractors');
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 12);
}

/** Canonical JSON (sorted keys), so that a version changes only when content does. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (v && typeof v === 'object') {
    return (
      '{' +
      Object.keys(v as object)
        .sort()
        .map((k) => JSON.stringify(k) + ':' + canonical((v as any)[k]))
        .join(',') +
      '}'
    );
  }
  return JSON.stringify(v);
}

/** The line of the YAML file on which a JSON-pointer path starts (best effort: the rule's `- id:` line). */
function lineOf(source: string, doc: any, instancePath: string): number | null {
  const m = /^\/rules\/(\d+)/.exec(instancePath);
  if (!m) return 1;
  const rule = doc?.rules?.[Number(m[1])];
  const lines = source.split('\n');
  if (rule && typeof rule.id === 'string') {
    const i = lines.findIndex((l) => l.includes(`id: ${rule.id}`) || l.includes(`id: '${rule.id}'`) || l.includes(`id: "${rule.id}"`));
    if (i >= 0) return i + 1;
  }
  // Fall back to the n-th list item under `rules:`.
  let seen = -1;
  for (let i = 0; i < lines.length; i++) {
    if (/^\s{0,4}- /.test(lines[i])) {
      seen++;
      if (seen === Number(m[1])) return i + 1;
    }
  }
  return null;
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => `${e.instancePath || '(file)'} ${e.message}${e.params && (e.params as any).additionalProperty ? ` '${(e.params as any).additionalProperty}'` : ''}${e.params && (e.params as any).allowedValues ? ` (${(e.params as any).allowedValues.join(', ')})` : ''}`)
    .join('; ');
}

function parseYaml(file: string, source: string): any {
  try {
    return loadYamlCached(source, file);
  } catch (err: any) {
    const line = err?.mark?.line !== undefined ? err.mark.line + 1 : null;
    throw new RuleLoadError(file, line, `not valid YAML: ${err.reason ?? err.message}`);
  }
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listYaml(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

const cache = new Map<string, RuleSet>();

/** Loads and validates every rule file under `dir` (default: the package's extractors/). Cached per folder. */
export function loadRuleSet(dir: string = defaultRulesDir(), opts: { fresh?: boolean } = {}): RuleSet {
  if (!opts.fresh && cache.has(dir)) return cache.get(dir)!;
  const rules: Rule[] = [];
  const languages: RuleSet['languages'] = new Map();
  const notFacts: RuleSet['notFacts'] = new Map();
  const ids = new Map<string, string>();
  const versionParts: string[] = [];
  const langParts = new Map<string, { L: unknown; N: unknown; part: string }>();
  let countries: CountrySpec | undefined;
  for (const file of listYaml(dir)) {
    const rel = path.relative(process.cwd(), file) || file;
    const source = readFileSync(file, 'utf8');
    const doc: any = parseYaml(rel, source);
    if (path.basename(file) === COUNTRY_FILE && path.resolve(path.dirname(file)) === path.resolve(dir)) {
      // The document's country decides the currency of bare 元: its cues are part of the rule set's version.
      try {
        countries = compileCountrySpec(doc, rel);
      } catch (err: any) {
        throw new RuleLoadError(rel, null, err.message.replace(rel + ': ', ''));
      }
      versionParts.push('countries@' + hash(canonical(doc)));
      continue;
    }
    if (path.basename(file) === NOT_FACTS_FILE) {
      if (!validateNotFactsFile(doc)) {
        const first = validateNotFactsFile.errors?.[0];
        const m = first ? /^\/decisions\/(\d+)/.exec(first.instancePath) : null;
        const id = m ? doc?.decisions?.[Number(m[1])]?.id : undefined;
        const at = id ? source.split('\n').findIndex((l) => l.includes(`id: ${id}`)) + 1 : 0;
        throw new RuleLoadError(rel, at > 0 ? at : 1, describe(validateNotFactsFile.errors));
      }
      const fold = (w: string) => (doc.language === 'zh' ? normalizeQuery(w) : normalizeQuery(w).toLowerCase());
      const seen = new Set<string>();
      const decisions: NotFactDecision[] = (doc.decisions as NotFactSpec[]).map((d) => {
        if (seen.has(d.id)) throw new RuleLoadError(rel, null, `decision id '${d.id}' is defined twice`);
        seen.add(d.id);
        let figureRe: RegExp | null = null;
        try {
          figureRe = d.figure_pattern ? new RegExp(d.figure_pattern, 'u') : null;
        } catch (err: any) {
          throw new RuleLoadError(rel, null, `decision '${d.id}': bad figure_pattern ${JSON.stringify(d.figure_pattern)}: ${err.message}`);
        }
        return {
          ...d,
          lang: doc.language,
          file: rel,
          figureRe,
          normWords: [...new Set(d.words.map(fold))].sort((a, b) => b.length - a.length),
          normUnless: [...new Set((d.unless ?? []).map(fold))].sort((a, b) => b.length - a.length),
          normGovernedBy: [...new Set((d.governed_by ?? []).map(fold))].sort((a, b) => b.length - a.length),
          normNotAfter: [...new Set((d.not_after ?? []).map(fold))].sort((a, b) => b.length - a.length),
        };
      });
      notFacts.set(doc.language, decisions);
      versionParts.push(hash(canonical(doc)));
      continue;
    }
    if (path.basename(file).startsWith('_')) {
      if (!validateLanguageFile(doc)) {
        const first = validateLanguageFile.errors?.[0];
        throw new RuleLoadError(rel, first ? lineOf(source, doc, first.instancePath) : null, describe(validateLanguageFile.errors));
      }
      const spec = doc as unknown as LanguageSpec;
      for (const re of [...spec.context.periods, ...spec.context.places]) {
        try {
          new RegExp(re, 'u');
        } catch (err: any) {
          throw new RuleLoadError(rel, null, `bad regular expression ${JSON.stringify(re)}: ${err.message}`);
        }
      }
      languages.set(spec.language, {
        ...spec,
        normVetoBefore: spec.veto_before.map((w) => (spec.language === 'zh' ? normalizeQuery(w) : normalizeQuery(w).toLowerCase())),
        normVetoAfter: spec.veto_after.map((w) => (spec.language === 'zh' ? normalizeQuery(w) : normalizeQuery(w).toLowerCase())),
        normVetoAfterUnless: (spec.veto_after_unless ?? []).map((w) => (spec.language === 'zh' ? normalizeQuery(w) : normalizeQuery(w).toLowerCase())),
        normVetoClause: (spec.veto_clause ?? []).map((w) => (spec.language === 'zh' ? normalizeQuery(w) : normalizeQuery(w).toLowerCase())),
        normVetoClauseUnless: (spec.veto_clause_unless ?? []).map((w) => (spec.language === 'zh' ? normalizeQuery(w) : normalizeQuery(w).toLowerCase())),
        normAmountOf: (spec.amount_of ?? []).map((w) => (spec.language === 'zh' ? normalizeQuery(w) : normalizeQuery(w).toLowerCase())),
        normPersonHeads: (spec.person_heads ?? []).map((w) => normalizeQuery(w)).sort((a, b) => b.length - a.length),
        normPersonNouns: (spec.person_nouns ?? []).map((w) => normalizeQuery(w)).sort((a, b) => b.length - a.length),
        normIncrement: (spec.restated?.increment ?? []).map((w) => (spec.language === 'zh' ? normalizeQuery(w) : normalizeQuery(w).toLowerCase())),
      });
      versionParts.push(hash(canonical(spec)));
      continue;
    }
    if (!validateRuleFile(doc)) {
      const first = validateRuleFile.errors?.[0];
      throw new RuleLoadError(rel, first ? lineOf(source, doc, first.instancePath) : null, describe(validateRuleFile.errors));
    }
    for (let i = 0; i < doc.rules.length; i++) {
      const spec = doc.rules[i] as RuleSpec;
      const line = lineOf(source, doc, `/rules/${i}`) ?? 1;
      if (!spec.id.startsWith(doc.language + '.')) {
        throw new RuleLoadError(rel, line, `rule id '${spec.id}' must start with its language '${doc.language}.'`);
      }
      if (ids.has(spec.id)) {
        throw new RuleLoadError(rel, line, `rule id '${spec.id}' is already defined in ${ids.get(spec.id)}`);
      }
      ids.set(spec.id, rel);
      const fold = (w: string) => (doc.language === 'zh' ? normalizeQuery(w) : normalizeQuery(w).toLowerCase());
      const norm = (xs: string[] | undefined) =>
        [...new Set((xs ?? []).map(fold))].sort((a, b) => b.length - a.length);
      // The language file's veto lists change what every rule of that language extracts: they are part of its version.
      const L = languages.get(doc.language);
      const N = notFacts.get(doc.language);
      // The same for every rule of the language (as long as its language and not-facts files are the ones read).
      const memo = langParts.get(doc.language);
      const langPart = memo && memo.L === L && memo.N === N ? memo.part :
        (L ? canonical([L.veto_before, L.veto_after, L.veto_after_unless ?? [], L.barriers, L.veto_clause ?? [], L.veto_clause_unless ?? [], L.threshold_after ?? [], L.amount_of ?? [], L.person_heads ?? [], L.person_nouns ?? [], L.restated ? [String(L.restated.min_count), String(L.restated.min_distance ?? 0), ...(L.restated.increment ?? [])] : []]) : '') +
        (N ? canonical(N.map((d) => [d.id, d.kinds, d.units ?? [], d.qualifiers ?? [], d.figure_pattern ?? '', d.scope, d.reach ?? {}, d.words, d.unless ?? []])) : '');
      langParts.set(doc.language, { L, N, part: langPart });
      const version = hash(canonical(spec) + langPart);
      versionParts.push(spec.id + '@' + version);
      rules.push({
        ...spec,
        lang: doc.language,
        version,
        file: rel,
        line,
        normTriggers: norm([...spec.triggers, ...(spec.nouns ?? [])]),
        normNouns: new Set(norm(spec.nouns)),
        normCountedNouns: norm(spec.counted_nouns),
        triggerPatterns: (spec.trigger_patterns ?? []).map((p) => {
          try {
            return new RegExp(p, 'gu');
          } catch (err: any) {
            throw new RuleLoadError(rel, line, `bad trigger pattern ${JSON.stringify(p)}: ${err.message}`);
          }
        }),
        normExclusions: norm(spec.exclusions),
        normClauseExclusions: norm(spec.clause_exclusions),
        normSentenceExclusions: norm(spec.sentence_exclusions),
        normClauseRequires: norm(spec.clause_requires),
        normSentenceRequires: norm(spec.sentence_requires),
      });
    }
  }
  const parts = { rules, languages, notFacts, version: hash(versionParts.sort().join('\n')), ...(countries ? { countries } : {}) };
  const set: RuleSet = { ...parts, segmenter: segmenterFor(parts) };
  cache.set(dir, set);
  return set;
}

/**
 * The Chinese word segmenter of these rules: trigger words stay whole when jieba cuts the text (`创业担保贷款` is one
 * word to the rules), and every rule word shapes the compact dictionary (segment/dictionary.ts).
 */
function segmenterFor(set: Omit<RuleSet, 'segmenter'>): Segmenter {
  const zh = set.rules.filter((r) => r.lang === 'zh');
  const language = set.languages.get('zh');
  return makeSegmenter(zh.flatMap((r) => r.normTriggers), [
    ...zh.flatMap((r) => [...r.normExclusions, ...r.normClauseExclusions, ...r.normSentenceExclusions, ...r.normClauseRequires, ...r.normSentenceRequires, ...r.normNouns]),
    ...[...set.notFacts.values()].flat().filter((d) => d.lang === 'zh').flatMap((d) => [...d.normWords, ...d.normUnless]),
    ...(language ? [...language.normVetoBefore, ...language.normVetoAfter, ...language.normVetoClause, ...language.normVetoClauseUnless, ...language.normVetoAfterUnless] : []),
  ]);
}
