import { renderMarkdown } from './markdown';

function dom(text: string) {
  const div = document.createElement('div');
  div.innerHTML = renderMarkdown(text);
  return div;
}

it('renders headings, lists and emphasis', () => {
  const div = dom('# Terms\n\n1. **Scope**: the logo\n2. *Payment*: 30 days');
  expect(div.querySelector('h1')?.textContent).toBe('Terms');
  expect(div.querySelectorAll('ol > li')).toHaveLength(2);
  expect(div.querySelector('strong')?.textContent).toBe('Scope');
});

it('shows raw HTML as text and creates no element from it', () => {
  const div = dom(
    'Hello <img src=x onerror=alert(1)> and <script>alert(2)</script>\n\n<iframe src="x"></iframe>',
  );
  expect(div.querySelector('img, script, iframe')).toBeNull();
  expect(div.textContent).toContain('<img src=x onerror=alert(1)>');
  expect(div.textContent).toContain('<script>alert(2)</script>');
});

it('opens links in a new tab without a referrer, and refuses javascript: links', () => {
  const div = dom('[site](https://example.com) and [bad](javascript:alert(1)) and https://lumen.example');
  const links = [...div.querySelectorAll('a')];
  expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com', 'https://lumen.example']);
  for (const a of links) {
    expect(a).toHaveAttribute('target', '_blank');
    expect(a).toHaveAttribute('rel', 'noopener noreferrer');
  }
  expect(div.textContent).toContain('[bad](javascript:alert(1))');
});
