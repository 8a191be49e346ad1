/**
 * Exact decimal arithmetic for reading numbers: a value is `coef × 10^exp` with a BigInt coefficient, so `2.03万` is
 * 20300 and not 20299.999999999996, and integers above 2^53 keep every digit. Only what number reading needs:
 * parse, scale by powers of ten, add, multiply, print.
 */
export class Dec {
  constructor(
    readonly coef: bigint,
    readonly exp: number,
  ) {}

  static readonly ZERO = new Dec(0n, 0);

  static int(n: number | bigint): Dec {
    return new Dec(BigInt(n), 0);
  }

  /** `-12.345`, `1,713` is not accepted here: callers strip separators first. */
  static parse(s: string): Dec {
    let neg = false;
    if (s.startsWith('-')) {
      neg = true;
      s = s.slice(1);
    }
    const dot = s.indexOf('.');
    let digits = s;
    let exp = 0;
    if (dot >= 0) {
      digits = s.slice(0, dot) + s.slice(dot + 1);
      exp = -(s.length - dot - 1);
    }
    const coef = BigInt(digits === '' ? '0' : digits);
    return new Dec(neg ? -coef : coef, exp);
  }

  isZero(): boolean {
    return this.coef === 0n;
  }

  isInteger(): boolean {
    if (this.exp >= 0) return true;
    return this.coef % 10n ** BigInt(-this.exp) === 0n;
  }

  negate(): Dec {
    return new Dec(-this.coef, this.exp);
  }

  shift(pow: number): Dec {
    return new Dec(this.coef, this.exp + pow);
  }

  add(o: Dec): Dec {
    if (this.exp === o.exp) return new Dec(this.coef + o.coef, this.exp);
    if (this.exp < o.exp) return new Dec(this.coef + o.coef * 10n ** BigInt(o.exp - this.exp), this.exp);
    return new Dec(this.coef * 10n ** BigInt(this.exp - o.exp) + o.coef, o.exp);
  }

  mul(o: Dec): Dec {
    return new Dec(this.coef * o.coef, this.exp + o.exp);
  }

  cmp(o: Dec): number {
    const d = this.add(o.negate()).coef;
    return d === 0n ? 0 : d > 0n ? 1 : -1;
  }

  /** Plain decimal digits, no exponent, no trailing fractional zeros: `20300`, `640143.17`, `-0.5`. */
  toString(): string {
    const neg = this.coef < 0n;
    let digits = (neg ? -this.coef : this.coef).toString();
    let out: string;
    if (this.exp >= 0) {
      out = digits === '0' ? '0' : digits + '0'.repeat(this.exp);
    } else {
      const k = -this.exp;
      if (digits.length <= k) digits = '0'.repeat(k - digits.length + 1) + digits;
      const intPart = digits.slice(0, digits.length - k);
      const frac = digits.slice(digits.length - k).replace(/0+$/, '');
      out = frac ? `${intPart}.${frac}` : intPart;
    }
    return neg && out !== '0' ? `-${out}` : out;
  }

  toNumber(): number {
    return Number(this.toString());
  }
}
