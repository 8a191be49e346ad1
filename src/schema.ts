/**
 * Schema validators for the data files (rules, languages, not-facts, countries), compiled on first use by one shared
 * Ajv: compiling them costs a few hundred milliseconds, which a worker thread — it gets its rule set already loaded
 * from the main thread and never validates a file — must not pay at startup. Ajv's optimizing pass over the code it
 * generates is left out: it makes that code no faster to run on a few files and costs a third of the compile time.
 */
import { Ajv, type ErrorObject } from 'ajv';

/** A plain predicate (ajv's type guards would narrow the parsed YAML to an index type) with ajv's `errors`. */
export type Validator = ((data: unknown) => boolean) & { readonly errors?: ErrorObject[] | null };

let ajv: Ajv | null = null;

/** The validator of `schema`, compiled at its first call. */
export function lazyValidator(schema: object): Validator {
  let compiled: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | null = null;
  const validate = (data: unknown) => (compiled ??= (ajv ??= new Ajv({ allErrors: true, code: { optimize: false } })).compile(schema) as typeof compiled & object)(data);
  return Object.defineProperty(validate, 'errors', { get: () => compiled?.errors ?? null }) as Validator;
}
