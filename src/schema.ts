/**
 * Schema validators for the data files (rules, languages, not-facts, countries). Compiling a schema costs a hundred
 * milliseconds or more, paid at the start of every process that loads the rules, so:
 * - a schema is compiled at its first use, by one shared Ajv (a worker thread gets its rule set already loaded from
 *   the main thread and never validates a file, so it never compiles one);
 * - Ajv's optimizing pass over the code it generates is left out: it makes that code no faster on a few files and
 *   costs a third of the compile time;
 * - a document that passed is remembered (an empty file in the temp folder named by the hash of Ajv's version and
 *   options, the schema and the document's V8 serialization, which tells a YAML date from a string): the same rule
 *   files loaded again are not validated again, and the schema need not be compiled. A document that fails is never
 *   remembered, so its errors are reported every time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { Ajv, type ErrorObject } from 'ajv';
import { dependencyVersion } from './paths.js';

/** A plain predicate (ajv's type guards would narrow the parsed YAML to an index type) with ajv's `errors`. */
export type Validator = ((data: unknown) => boolean) & { readonly errors?: ErrorObject[] | null };

const AJV_OPTIONS = { allErrors: true, code: { optimize: false } } as const;
let ajv: Ajv | null = null;
const PASSED_DIR = path.join(os.tmpdir(), 'newsfacts-valid');

/** The validator of `schema`: compiled at its first call on a document not seen to pass before. */
export function lazyValidator(schema: object): Validator {
  let compiled: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | null = null;
  let schemaKey: string | null = null;
  const validate = (data: unknown): boolean => {
    let marker: string | null = null;
    try {
      schemaKey ??= JSON.stringify([dependencyVersion('ajv'), AJV_OPTIONS, schema]);
      marker = path.join(PASSED_DIR, createHash('sha256').update(schemaKey).update(v8.serialize(data)).digest('hex').slice(0, 32));
      if (existsSync(marker)) return true;
    } catch {
      marker = null;
    }
    compiled ??= (ajv ??= new Ajv(AJV_OPTIONS)).compile(schema) as typeof compiled & object;
    const ok = compiled(data);
    if (ok && marker) {
      try {
        mkdirSync(PASSED_DIR, { recursive: true });
        writeFileSync(marker, '');
      } catch {
        /* nowhere to remember it: validated again next time */
      }
    }
    return ok;
  };
  return Object.defineProperty(validate, 'errors', { get: () => compiled?.errors ?? null }) as Validator;
}
