import en from '@/locales/en/index.ts';
import { i18n } from '@/lib/i18n';

// Components under test read English, as the app does for an English browser.
i18n.addResourceBundle('en', 'translation', en);
