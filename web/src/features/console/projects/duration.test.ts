import { amountOf, minutesToInput, parseDuration } from './duration';

describe('parseDuration', () => {
  it('reads minutes, h:mm and hours', () => {
    expect(parseDuration('90')).toBe(90);
    expect(parseDuration('45 min')).toBe(45);
    expect(parseDuration('1:30')).toBe(90);
    expect(parseDuration('0:05')).toBe(5);
    expect(parseDuration('2h15')).toBe(135);
    expect(parseDuration('1.5h')).toBe(90);
    expect(parseDuration('1,25h')).toBe(75);
  });
  it('refuses what is not a duration', () => {
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('1:75')).toBeNull();
    expect(parseDuration('abc')).toBeNull();
    expect(parseDuration('-5')).toBeNull();
  });
  it('writes minutes back as h:mm', () => {
    expect(minutesToInput(90)).toBe('1:30');
    expect(minutesToInput(5)).toBe('0:05');
  });
});

describe('amountOf', () => {
  it('rounds half to even like the API', () => {
    expect(amountOf(105, 8550)).toBe(14962);
    expect(amountOf(1, 100)).toBe(2);
    expect(amountOf(1, 90)).toBe(2);
    expect(amountOf(1, 30)).toBe(0);
    expect(amountOf(3, 10)).toBe(0);
    expect(amountOf(90, 8000)).toBe(12000);
  });
});
