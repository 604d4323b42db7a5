import type { AccountChoice } from '@/api/login';
import { Rich } from '@/lib/i18n/Rich';
import { useT } from '@/lib/i18n/hooks';

const bold = (chunk: string) => <strong className="text-slate-900">{chunk}</strong>;

export function AccountChooser({
  title,
  email,
  accounts,
  busy,
  onChoose,
}: {
  title: string;
  /** The address the accounts share, when known. */
  email: string | null;
  accounts: AccountChoice[];
  busy: boolean;
  onChoose: (id: string) => void;
}) {
  const t = useT();
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
        <p className="mt-1 text-sm text-slate-600">
          {email ? (
            <Rich text={t('login.chooser.text', { email })} tags={{ b: bold }} />
          ) : (
            t('login.chooser.textNoEmail')
          )}
        </p>
      </div>
      <ul className="space-y-2">
        {accounts.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              disabled={busy}
              onClick={() => onChoose(a.id)}
              className="flex w-full items-center justify-between gap-3 rounded-lg border border-slate-300 bg-white px-4 py-3 text-left shadow-sm transition hover:border-slate-400 hover:bg-slate-50 disabled:opacity-60"
            >
              <span>
                <span className="block font-semibold text-slate-900">
                  {t('login.continueAs', { name: a.name })}
                </span>
                {a.company && <span className="block text-sm text-slate-600">{a.company}</span>}
              </span>
              <span aria-hidden className="text-slate-500">
                →
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
