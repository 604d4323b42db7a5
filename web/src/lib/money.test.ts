import { formatMoney, minorToInput, parseMoney } from './money';

describe('parseMoney', () => {
  it('reads amounts typed with either decimal separator', () => {
    expect(parseMoney('12', 2)).toBe(1200);
    expect(parseMoney('12.5', 2)).toBe(1250);
    expect(parseMoney('12,50', 2)).toBe(1250);
    expect(parseMoney(' 0.07 ', 2)).toBe(7);
    expect(parseMoney('1.234,56', 2)).toBe(123456);
    expect(parseMoney('1,234.56', 2)).toBe(123456);
    expect(parseMoney('1 234,5', 2)).toBe(123450);
    expect(parseMoney('1,234', 2)).toBe(123400);
    expect(parseMoney('0.1', 2)).toBe(10);
    expect(parseMoney('19.99', 2)).toBe(1999);
    expect(parseMoney('500', 0)).toBe(500);
  });

  it('refuses what is not an amount', () => {
    expect(parseMoney('', 2)).toBeNull();
    expect(parseMoney('abc', 2)).toBeNull();
    expect(parseMoney('-5', 2)).toBeNull();
    expect(parseMoney('1.234', 3)).toBe(1234);
    expect(parseMoney('12.345', 2)).toBe(1234500);
    expect(parseMoney('1.2.3', 2)).toBeNull();
    expect(parseMoney('5.5', 0)).toBeNull();
  });
});

describe('formatMoney', () => {
  it('formats minor units in the locale', () => {
    expect(formatMoney(123456, 'EUR', 'en-GB')).toBe('€1,234.56');
    expect(formatMoney(500, 'JPY', 'en-GB')).toBe('JP¥500');
    expect(minorToInput(1250, 2)).toBe('12.50');
  });
});
