import { t } from '@/lib/i18n';
import { guessDeviceName } from './deviceName';

const UA = {
  iphoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  iphoneChrome:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/123.0.6312.52 Mobile/15E148 Safari/604.1',
  macChrome:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  windowsEdge:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51',
  androidFirefox: 'Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0',
  jsdom: 'Mozilla/5.0 (linux) AppleWebKit/537.36 (KHTML, like Gecko) jsdom/26.1.0',
};

it('names a new passkey after the browser and system it is made on', () => {
  expect(guessDeviceName(t, UA.iphoneSafari)).toBe('Safari on iPhone');
  expect(guessDeviceName(t, UA.iphoneChrome)).toBe('Chrome on iPhone');
  expect(guessDeviceName(t, UA.macChrome)).toBe('Chrome on Mac');
  expect(guessDeviceName(t, UA.windowsEdge)).toBe('Edge on Windows');
  expect(guessDeviceName(t, UA.androidFirefox)).toBe('Firefox on Android');
});

it('says “This device” when the browser does not say enough', () => {
  expect(guessDeviceName(t, UA.jsdom)).toBe('This device');
  expect(guessDeviceName(t, '')).toBe('This device');
});
