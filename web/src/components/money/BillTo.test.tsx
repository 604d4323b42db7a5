import { render, screen, within } from '@testing-library/react';
import { BillTo } from './BillTo';

const maria = {
  id: 'cl_1',
  name: 'Maria Lopez',
  email: 'maria@lopez.es',
  company: 'Lopez Design SL',
  billing_address: 'Calle Mayor 1\n28013 Madrid\nSpain',
  tax_id: 'ESB12345678',
};

it('prints the addressee as the PDF does, line by line with the VAT ID', () => {
  render(<BillTo addressee={maria} draft={false} audience="client" />);
  const block = screen.getByRole('region', { name: 'Bill to' });
  for (const line of [
    'Maria Lopez',
    'Lopez Design SL',
    'Calle Mayor 1',
    '28013 Madrid',
    'Spain',
    'VAT / tax ID: ESB12345678',
  ]) {
    expect(within(block).getByText(line)).toBeVisible();
  }
  expect(within(block).getByText(/Changes to your profile apply to new documents/)).toBeVisible();
});

it('tells staff a draft still follows the client', () => {
  render(<BillTo addressee={{ ...maria, billing_address: null, tax_id: null }} draft audience="staff" />);
  const block = screen.getByRole('region', { name: 'Bill to' });
  expect(within(block).getByText('Follows the client’s details until it is sent.')).toBeVisible();
  expect(within(block).queryByText(/VAT/)).toBeNull();
});
