import { Link } from 'react-router';
import { useT } from '@/lib/i18n/hooks';
import { usePresetClient } from './presetClient';

/**
 * Above a list opened for one client (`?client_id=`, e.g. the client page's "See all N"):
 * says the list holds only that client's, by name, and leads to everyone's.
 */
export function ClientFilterNotice({
  clientId,
  what,
  showAll,
  clientName,
}: {
  clientId: string;
  /**
   * The listed things in the plural, as they read inside a sentence ("quotes", "Angebote",
   * "devis", "presupuestos"), like `ListBody`'s `what`.
   */
  what: string;
  /** The same list without the client filter (the other filters kept). */
  showAll: string;
  /** The client's name when the list already has it, to show before the client loads. */
  clientName?: string | null;
}) {
  const t = useT();
  // Same key and answer as the client's own page: coming from it costs no request.
  const client = usePresetClient(clientId);
  const name = client.client?.name ?? clientName ?? null;
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950">
      <p className="font-medium">
        {name
          ? t('clientFilter.showing', { client: name, what })
          : t('clientFilter.showingUnnamed', { what })}
      </p>
      <Link to={showAll} className="font-semibold whitespace-nowrap underline underline-offset-2">
        {t('clientFilter.showAll', { what })}
      </Link>
    </div>
  );
}
