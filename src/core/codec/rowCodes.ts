/**
 * Appendix row codes (the TT/STT column): "4.1." / "4.1" / " 2.2. " all address row "4.1" /
 * "2.2". Trailing dots and surrounding whitespace are dropped; anything else is kept as written
 * ("I", "Trong đó").
 */
export function normalizeRowCode(code: string): string {
  return code.trim().replace(/\.+$/, '').trim();
}
