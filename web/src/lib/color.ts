/**
 * Colour maths for tenant branding. A tenant picks any primary colour; the portal must still
 * meet WCAG AA (4.5:1 for normal text), so every pairing we paint is checked here.
 */

export type Rgb = [number, number, number];

const HEX = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i;
export const DARK_TEXT = '#111827';
export const LIGHT_TEXT = '#ffffff';
export const AA = 4.5;

export function parseHex(hex: string): Rgb | null {
  const match = HEX.exec(hex.trim());
  if (!match) return null;
  let digits = match[1]!;
  if (digits.length === 3) digits = [...digits].map((d) => d + d).join('');
  const n = Number.parseInt(digits, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex([r, g, b]: Rgb): string {
  return '#' + [r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
}

/** Relative luminance as WCAG 2.x defines it. */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const ra = parseHex(a);
  const rb = parseHex(b);
  if (!ra || !rb) return 1;
  const [hi, lo] = [luminance(ra), luminance(rb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White or near-black, whichever reads better on `background`. */
export function readableText(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT)
    ? LIGHT_TEXT
    : DARK_TEXT;
}

function mix(rgb: Rgb, target: Rgb, amount: number): Rgb {
  return rgb.map((c, i) => c + (target[i]! - c) * amount) as Rgb;
}

/**
 * Moves `color` towards black (or white) in small steps until it reaches `ratio` against
 * `against`. Keeps the hue, so the brand stays recognisable.
 */
export function adjustForContrast(color: string, against: string, ratio = AA): string {
  const rgb = parseHex(color);
  const bg = parseHex(against);
  if (!rgb || !bg) return DARK_TEXT;
  const target: Rgb = luminance(bg) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 0; step <= 20; step++) {
    const candidate = toHex(mix(rgb, target, step / 20));
    if (contrastRatio(candidate, against) >= ratio) return candidate;
  }
  return toHex(target);
}

export interface BrandColors {
  /** Fill of primary buttons and the header. */
  brand: string;
  /** Text on `brand`. */
  brandFg: string;
  /** The brand colour as text or outline on white (links, focus rings). */
  brandInk: string;
}

/**
 * Colours for a tenant's primary colour. When neither white nor dark text reaches AA on the
 * chosen colour (mid-tones such as #22a0c0), the fill is darkened until white text does.
 */
export function brandColors(primary: string): BrandColors {
  const base = parseHex(primary) ? toHex(parseHex(primary)!) : '#4f46e5';
  let brand = base;
  let brandFg = readableText(brand);
  if (contrastRatio(brand, brandFg) < AA) {
    brand = adjustForContrast(base, LIGHT_TEXT);
    brandFg = LIGHT_TEXT;
  }
  return { brand, brandFg, brandInk: adjustForContrast(base, '#ffffff') };
}

/** CSS custom properties the stylesheet reads (`bg-brand`, `text-brand-fg`, `text-brand-ink`). */
export function brandStyle(primary: string): Record<string, string> {
  const c = brandColors(primary);
  return { '--brand': c.brand, '--brand-fg': c.brandFg, '--brand-ink': c.brandInk };
}
