/**
 * A number as en-US writes it: thousands grouped with commas, at most three decimals
 * (`20000` → `20,000`, `9.53674` → `9.537`), the same text as `toLocaleString('en-US')`. Written
 * out because the first `toLocaleString` call loads ICU's number formatting, about 20 ms of every
 * start, and the Action formats a count before it has read a single manifest.
 */
export function thousands(n: number): string {
  // toFixed rounds the exact binary value half away from zero, as ICU does; it has no exponent below 1e21.
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return n.toLocaleString('en-US');
  const [whole, decimals] = Math.abs(n).toFixed(3).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const fraction = decimals.replace(/0+$/, '');
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}
