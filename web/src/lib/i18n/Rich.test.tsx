import { render, screen } from '@testing-library/react';
import { i18n } from '@/lib/i18n';
import { Rich } from './Rich';

it('puts the marked part of a translated sentence where the language wants it', () => {
  i18n.addResource('de', 'translation', 'x.terms', 'Lies die <link>Bedingungen</link> von {name}');
  const text = i18n.t('x.terms', { lng: 'de', name: 'Acme' });
  render(
    <p data-testid="p">
      <Rich text={text} tags={{ link: (chunk) => <a href="/terms">{chunk}</a> }} />
    </p>,
  );
  expect(screen.getByTestId('p')).toHaveTextContent('Lies die Bedingungen von Acme');
  expect(screen.getByRole('link', { name: 'Bedingungen' })).toHaveAttribute('href', '/terms');
});

it('formats plurals the way each language counts', () => {
  i18n.addResource('fr', 'translation', 'x.files', '{count, plural, one {# fichier} other {# fichiers}}');
  expect(i18n.t('x.files', { lng: 'fr', count: 0 })).toBe('0 fichier');
  expect(i18n.t('x.files', { lng: 'fr', count: 2 })).toBe('2 fichiers');
});
