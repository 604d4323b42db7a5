import { AA, adjustForContrast, brandColors, contrastRatio, parseHex, readableText } from './color';

describe('contrast', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });

  it('parses short and long hex, and refuses anything else', () => {
    expect(parseHex('#fff')).toEqual([255, 255, 255]);
    expect(parseHex('2563eb')).toEqual([37, 99, 235]);
    expect(parseHex('blue')).toBeNull();
  });

  it('puts dark text on light colours and white on dark ones', () => {
    expect(readableText('#fde047')).toBe('#111827');
    expect(readableText('#1e3a8a')).toBe('#ffffff');
  });
});

describe('brandColors', () => {
  const samples = [
    '#2563eb',
    '#fde047',
    '#8b5cf6',
    '#ff7f50',
    '#00ff00',
    '#808080',
    '#ffffff',
    '#000000',
    '#e11d48',
  ];

  it.each(samples)('gives AA text on the button fill for %s', (primary) => {
    const c = brandColors(primary);
    expect(contrastRatio(c.brand, c.brandFg)).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(c.brandInk, '#ffffff')).toBeGreaterThanOrEqual(AA);
  });

  it('keeps a colour that already reads well', () => {
    expect(brandColors('#1d4ed8')).toEqual({ brand: '#1d4ed8', brandFg: '#ffffff', brandInk: '#1d4ed8' });
  });

  it('darkens a mid-tone that neither white nor dark text can sit on', () => {
    const c = brandColors('#8b5cf6');
    expect(Math.max(contrastRatio('#8b5cf6', '#ffffff'), contrastRatio('#8b5cf6', '#111827'))).toBeLessThan(
      AA,
    );
    expect(c.brand).not.toBe('#8b5cf6');
    expect(c.brandFg).toBe('#ffffff');
  });

  it('falls back to the default colour for garbage', () => {
    expect(brandColors('not a colour').brand).toBe('#4f46e5');
  });

  it('darkens a pale colour used as text on white', () => {
    expect(contrastRatio(adjustForContrast('#fde047', '#ffffff'), '#ffffff')).toBeGreaterThanOrEqual(AA);
  });
});
