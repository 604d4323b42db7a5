import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initialLanguage, switchLanguage } from './lib/i18n';
import './index.css';

/**
 * On a tenant's own domain the portal lives at `/`. Ask the API whether this host is one,
 * unless the path already says which part of the app this is.
 */
async function isCustomDomain(): Promise<boolean> {
  const path = window.location.pathname;
  if (path === '/app' || path.startsWith('/app/') || path.startsWith('/portal/')) return false;
  try {
    const response = await fetch('/api/v1/portal', { headers: { Accept: 'application/json' } });
    return response.ok;
  } catch {
    return false;
  }
}

// The catalog loads beside the custom-domain check, so neither waits for the other.
void Promise.all([isCustomDomain(), switchLanguage(initialLanguage())]).then(([customDomain]) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App customDomain={customDomain} />
    </StrictMode>,
  );
});
