import { describe, expect, it } from 'vitest';
import { fieldLabel } from './human-problems';
import { ApiProblem, messageOf, problemFrom } from './problem';

function refused(detail: string, errors?: { field: string; message: string }[]) {
  return problemFrom(new Response(null, { status: 422 }), {
    type: 'about:blank',
    title: 'Validation failed',
    status: 422,
    detail,
    errors,
  });
}

const TWO = refused("2 fields are invalid; see 'errors'.", [
  { field: 'name', message: 'must be 1 to 200 characters' },
  { field: 'lines[0].quantity', message: 'must be a whole number from 1 to 100000' },
]);

describe('problems in words', () => {
  it('never shows the summary written for API clients', () => {
    expect(messageOf(TWO)).not.toMatch(/errors|invalid/);
    expect(messageOf(TWO)).toBe(
      'Please correct 2 fields. Name: must be 1 to 200 characters. Line 1 – quantity: must be a whole number from 1 to 100000.',
    );
  });

  it('points at the highlighted fields a form shows and names the others', () => {
    expect(messageOf(TWO, ['name', 'lines[0].quantity'])).toBe('Please correct the 2 highlighted fields.');
    expect(messageOf(TWO, ['name'])).toBe(
      'Please correct the highlighted field. Also: Line 1 – quantity: must be a whole number from 1 to 100000.',
    );
  });

  it('gives one refused field its own message, with its name only when it is off screen', () => {
    const one = refused("The field 'billing.currency' is invalid: must be a known currency.", [
      { field: 'billing.currency', message: 'must be a known currency' },
    ]);
    expect(messageOf(one, ['billing.currency'])).toBe('Must be a known currency.');
    expect(messageOf(one)).toBe('Billing – currency: must be a known currency.');
    expect(one.fieldError('billing.currency')).toBe('must be a known currency');
  });

  it('turns field paths into words', () => {
    expect(fieldLabel('lines[0].quantity')).toBe('Line 1 – quantity');
    expect(fieldLabel('lines[2].unit_amount_minor')).toBe('Line 3 – unit price');
    expect(fieldLabel('billing.currency')).toBe('Billing – currency');
    expect(fieldLabel('values.budget')).toBe('Budget');
    expect(fieldLabel('due_date')).toBe('Due date');
    expect(fieldLabel('staff_id')).toBe('Assigned to');
  });

  it('rewords field messages that read like code', () => {
    const p = refused('x', [
      { field: 'url', message: 'must use https:// (plain http is allowed only in development)' },
      { field: 'due_date', message: 'must not be before start_date' },
    ]);
    expect(p.fieldError('url')).toBe('Use an address that starts with https://.');
    expect(p.fieldError('due_date')).toBe('must not be before the start date');
    // Today's server wording reads the same.
    const now = refused('x', [
      { field: 'url', message: 'must start with https://' },
      { field: 'target', message: 'must be a full address, like https://hooks.example.com/portico' },
    ]);
    expect(now.fieldError('url')).toBe('Use an address that starts with https://.');
    expect(now.fieldError('target')).toBe('Enter the full address, e.g. https://hooks.example.com/portico.');
  });

  it('rewords details that quote ids or parameter names', () => {
    const gone = new ApiProblem({
      status: 404,
      title: 'Not found',
      detail: "There is no project '0f8c2a4e-58c1-4d55-9d47-3a0f6f3e7d11'.",
    });
    expect(messageOf(gone)).toBe(
      'We could not find this project. It may have been deleted, or the link may be out of date.',
    );
    const archived = new ApiProblem({
      status: 409,
      title: 'Conflict',
      detail: "The client named in 'client_id' is archived; restore them first.",
    });
    expect(messageOf(archived)).toBe('This client is archived. Restore them first.');
  });

  it('leaves sentences written for people alone', () => {
    const p = new ApiProblem({ status: 409, title: 'Conflict', detail: 'This quote was already accepted.' });
    expect(messageOf(p)).toBe('This quote was already accepted.');
  });
});
