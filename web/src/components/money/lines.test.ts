import {
  bpToInput,
  computeLine,
  emptyLine,
  lineInputs,
  lineProblems,
  parsePercent,
  parseQuantity,
  previewTotals,
  quantityText,
  roundHalfEven,
  type LineDraft,
} from './lines';

const line = (over: Partial<LineDraft>): LineDraft => ({ ...emptyLine(), ...over });

describe('quantities', () => {
  it('reads up to three decimals, with a dot or a comma', () => {
    expect(parseQuantity('1')).toBe(1000);
    expect(parseQuantity('1.5')).toBe(1500);
    expect(parseQuantity('0,333')).toBe(333);
    expect(parseQuantity(' 2.25 ')).toBe(2250);
    expect(parseQuantity('1000000')).toBe(1_000_000_000);
  });

  it('refuses zero, more decimals, signs and more than a million', () => {
    for (const bad of ['0', '0.000', '1.2345', '-1', '1e3', '', 'abc', '1000000.001', '1.']) {
      expect(parseQuantity(bad)).toBeNull();
    }
  });

  it('writes thousandths back as the API reads them', () => {
    expect(quantityText(1500)).toBe('1.5');
    expect(quantityText(333)).toBe('0.333');
    expect(quantityText(2000)).toBe('2');
  });
});

describe('percentages', () => {
  it('reads a rate as basis points; blank is none', () => {
    expect(parsePercent('20')).toBe(2000);
    expect(parsePercent('5.5')).toBe(550);
    expect(parsePercent('7,25 %')).toBe(725);
    expect(parsePercent('')).toBe(0);
    expect(parsePercent('100')).toBe(10_000);
  });

  it('refuses more than 100 % or more than two decimals', () => {
    expect(parsePercent('100.01')).toBeNull();
    expect(parsePercent('12.345')).toBeNull();
    expect(parsePercent('-5')).toBeNull();
  });

  it('writes basis points back without trailing zeros', () => {
    expect(bpToInput(2000)).toBe('20');
    expect(bpToInput(550)).toBe('5.5');
    expect(bpToInput(725)).toBe('7.25');
    expect(bpToInput(0)).toBe('');
  });
});

describe('line math, as the server computes it', () => {
  it('rounds half to even', () => {
    expect(roundHalfEven(5n, 2n)).toBe(2n); // 2.5 → 2
    expect(roundHalfEven(7n, 2n)).toBe(4n); // 3.5 → 4
    expect(roundHalfEven(26n, 10n)).toBe(3n);
    expect(roundHalfEven(24n, 10n)).toBe(2n);
  });

  it('applies the discount before the tax, each rounded on its own', () => {
    // 1.5 × €400.00 − 10 % = €540.00; 7 % tax = €37.80.
    expect(computeLine(1500, 40000, 700, 1000)).toEqual({ net: 54000, tax: 3780 });
    // 10 × €95.00 at 20 %.
    expect(computeLine(10_000, 9500, 2000, 0)).toEqual({ net: 95000, tax: 19000 });
  });

  it('rounds thirds per line: 0.333 × €10.00 is €3.33, and €0.125 tax goes to even', () => {
    expect(computeLine(333, 1000, 0, 0)).toEqual({ net: 333, tax: 0 });
    // Net 125 (1 × €1.25) at 10 % is 12.5 minor → 12.
    expect(computeLine(1000, 125, 1000, 0)).toEqual({ net: 125, tax: 12 });
    // Net 135 at 10 % is 13.5 → 14.
    expect(computeLine(1000, 135, 1000, 0)).toEqual({ net: 135, tax: 14 });
  });

  it('keeps the largest line exact (beyond 2^53 before dividing)', () => {
    expect(computeLine(1_000_000_000, 10_000_000_000, 10_000, 0)).toEqual({
      net: 10_000_000_000_000_000,
      tax: 10_000_000_000_000_000,
    });
  });

  it('totals the lines with the tax per rate, lowest rate first, leaving 0 % out', () => {
    const totals = previewTotals(
      [
        line({ description: 'Logo design', quantity: '10', unitPrice: '95', taxRate: '20' }),
        line({ description: 'Brand book', quantity: '1.5', unitPrice: '400', taxRate: '7', discount: '10' }),
        line({ description: 'Coffee', quantity: '2', unitPrice: '3.50', taxRate: '' }),
        line({ description: 'Half-typed', quantity: '1', unitPrice: '12.3.4' }),
      ],
      2,
    );
    expect(totals).toEqual({
      subtotal_minor: 149700,
      taxes: [
        { rate_bp: 700, taxable_minor: 54000, amount_minor: 3780 },
        { rate_bp: 2000, taxable_minor: 95000, amount_minor: 19000 },
      ],
      tax_minor: 22780,
      total_minor: 172480,
    });
  });
});

describe('what is sent', () => {
  it('drops blank lines and sends minor units, thousandths as text and basis points', () => {
    expect(
      lineInputs(
        [
          line({
            description: ' Brand book ',
            quantity: '1,5',
            unitPrice: '400',
            taxRate: '7',
            discount: '10',
          }),
          line({}),
        ],
        2,
      ),
    ).toEqual([
      {
        description: 'Brand book',
        quantity: '1.5',
        unit_price_minor: 40000,
        tax_rate_bp: 700,
        discount_bp: 1000,
      },
    ]);
  });

  it('names what is wrong in each line', () => {
    const bad = line({ description: '', quantity: '0', unitPrice: '12.5.6', taxRate: '120', discount: 'x' });
    expect(lineProblems([bad, line({})], 2)).toEqual({
      [bad.key]: {
        description: 'Say what this line is for.',
        quantity: 'A number above 0 with up to 3 decimals, such as 1.5.',
        unitPrice: 'An amount such as 12.50.',
        taxRate: 'A percentage from 0 to 100, such as 20.',
        discount: 'A percentage from 0 to 100, such as 10.',
      },
    });
  });
});
