/** The stores the browser tests serve: SQLite always, PostgreSQL (a copy of the SQLite file) when one runs. */
import { dropDatabase } from '../../src/store/postgres/store.js';
import { sqliteToPostgres } from '../../src/store/transfer.js';
import { need, pgTestUrl, postgresUp } from '../distributed/services.js';

export interface Backend {
  name: string;
  available(): Promise<boolean>;
  /** The database to serve, made from the SQLite file a test built. */
  prepare(sqliteFile: string): Promise<string>;
  drop(location: string): Promise<void>;
}

/** The backends available here; `pgName` names the test's PostgreSQL database. */
export async function availableBackends(pgName: string): Promise<Backend[]> {
  const all: Backend[] = [
    { name: 'sqlite', available: async () => true, prepare: async (file) => file, drop: async () => undefined },
    {
      name: 'postgres',
      available: async () => need(await postgresUp(), 'PostgreSQL on 127.0.0.1:5432'),
      prepare: async (file) => {
        const url = pgTestUrl(pgName);
        await sqliteToPostgres(file, url);
        return url;
      },
      drop: (url) => dropDatabase(url),
    },
  ];
  const out: Backend[] = [];
  for (const b of all) if (await b.available()) out.push(b);
  return out;
}
