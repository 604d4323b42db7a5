import type { ServiceOrder } from './api';

// Sample texts of a test order, as the tests read them (data, not the app's own words).
const TITLE = 'Laptop screen repair';
const DESCRIPTION = 'Cracked 14" screen.';
const SCREEN = 'Screen panel';
const LABOUR = 'Labour (hours)';

export function anOrder(over: Partial<ServiceOrder> = {}): ServiceOrder {
  return {
    id: 'so_7',
    number: 7,
    reference: 'SO-0007',
    client_id: 'cl_1',
    client_name: 'Maria Lopez',
    title: TITLE,
    description: DESCRIPTION,
    lines: [
      { id: 'ln_1', description: SCREEN, quantity: 1, unit_price_minor: 12900, total_minor: 12900 },
      { id: 'ln_2', description: LABOUR, quantity: 2, unit_price_minor: 4500, total_minor: 9000 },
    ],
    total_minor: 21900,
    currency: 'EUR',
    estimated_completion: '2026-12-04',
    status: 'in_progress',
    status_changed_at: '2026-11-24T09:00:00Z',
    created_at: '2026-11-23T10:00:00Z',
    updated_at: '2026-11-24T09:00:00Z',
    history: [
      { at: '2026-11-23T10:00:00Z', status: 'received', note: null },
      { at: '2026-11-24T09:00:00Z', status: 'in_progress', note: 'Parts ordered' },
    ],
    ...over,
  };
}
