import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import {
  Alert,
  Badge,
  Button,
  Card,
  Cell,
  EmptyState,
  ErrorState,
  Loading,
  ResponsiveTable,
  TextArea,
  TextField,
  useToast,
} from '@/components/ui';
import {
  createService,
  updateService,
  useAllServices,
  useServicesChanged,
  useTenant,
  type Service,
} from './api';
import { formatDuration } from './duration';
import { bookingUrl, useCopy } from './links';
import { formatMoney, fractionDigits, minorToInput, parseMoney } from '@/lib/money';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';

/** The services clients can book: add one, or change its name, length, price or whether it is offered. */
export function ServicesCard() {
  const t = useT();
  const services = useAllServices();
  const tenant = useTenant();
  // `null`: no form; 'new': adding; otherwise the service being edited.
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const copy = useCopy();
  const slug = tenant.data?.slug;
  const locale = useFormatLocale(tenant.data?.locale);
  const currency = tenant.data?.currency ?? 'EUR';

  const list = services.data ?? [];
  return (
    <Card
      title={t('consoleBooking.services')}
      actions={
        editing === null && (
          <Button variant="secondary" onClick={() => setEditing('new')}>
            {t('consoleBooking.addService')}
          </Button>
        )
      }
    >
      {editing !== null && (
        <div className="mb-5">
          <ServiceForm
            key={editing === 'new' ? 'new' : editing.id}
            service={editing === 'new' ? null : editing}
            currency={currency}
            locale={locale}
            onDone={() => setEditing(null)}
          />
        </div>
      )}
      {services.isPending ? (
        <Loading label={t('consoleBooking.loadingServices')} />
      ) : services.isError ? (
        <ErrorState
          title={t('consoleBooking.loadServicesFailed')}
          message={messageOf(services.error)}
          onRetry={() => void services.refetch()}
        />
      ) : list.length === 0 ? (
        editing === null && (
          <EmptyState
            title={t('consoleBooking.noServices')}
            action={<Button onClick={() => setEditing('new')}>{t('consoleBooking.addFirstService')}</Button>}
          >
            {t('consoleBooking.noServicesText')}
          </EmptyState>
        )
      ) : (
        <ResponsiveTable
          columns={[
            t('consoleBooking.name'),
            t('consoleBooking.duration'),
            t('consoleBooking.price'),
            t('consoleBooking.status'),
            { label: t('consoleBooking.actions'), className: 'sr-only' },
          ]}
        >
          {list.map((service) => (
            <tr
              key={service.id}
              className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:table-row sm:rounded-none sm:border-0 sm:p-0 sm:shadow-none"
            >
              <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
                <span className="font-semibold text-slate-900">{service.name}</span>
                {service.description && (
                  <span className="block text-sm text-slate-600">{service.description}</span>
                )}
                {service.daily_cap != null && (
                  <span className="block text-sm text-slate-600">
                    {t('consoleBooking.dailyCapShort', { count: service.daily_cap })}
                  </span>
                )}
              </td>
              <Cell label={t('consoleBooking.duration')}>{formatDuration(service.duration_minutes)}</Cell>
              <Cell label={t('consoleBooking.price')}>
                {formatMoney(service.price_minor, service.currency || currency, locale)}
              </Cell>
              <Cell label={t('consoleBooking.status')}>
                {service.active ? (
                  <Badge tone="blue">{t('consoleBooking.offered')}</Badge>
                ) : (
                  <Badge tone="grey">{t('consoleBooking.notOffered')}</Badge>
                )}{' '}
                {service.public_booking && <Badge tone="green">{t('consoleBooking.publicBadge')}</Badge>}
              </Cell>
              <td className="block pt-2 sm:table-cell sm:px-4 sm:py-3 sm:text-right">
                {slug && service.public_booking && service.active && (
                  <Button
                    variant="ghost"
                    aria-label={t('consoleBooking.copyServiceLink', { name: service.name })}
                    onClick={() => void copy(bookingUrl(slug, service.id))}
                  >
                    {t('consoleBooking.copyLinkShort')}
                  </Button>
                )}
                <Button
                  variant="ghost"
                  aria-label={t('consoleBooking.editService', { name: service.name })}
                  onClick={() => setEditing(service)}
                >
                  {t('consoleBooking.edit')}
                </Button>
              </td>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </Card>
  );
}

function ServiceForm({
  service,
  currency,
  locale,
  onDone,
}: {
  service: Service | null;
  currency: string;
  locale: string;
  onDone: () => void;
}) {
  const t = useT();
  const toast = useToast();
  const changed = useServicesChanged();
  const digits = fractionDigits(service?.currency || currency, locale);
  const [name, setName] = useState(service?.name ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [duration, setDuration] = useState(service ? String(service.duration_minutes) : '');
  const [price, setPrice] = useState(service ? minorToInput(service.price_minor, digits) : '');
  const [active, setActive] = useState(service?.active ?? true);
  const [publicBooking, setPublicBooking] = useState(service?.public_booking ?? false);
  const [cap, setCap] = useState(service?.daily_cap != null ? String(service.daily_cap) : '');
  const [local, setLocal] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: (body: {
      name: string;
      description: string | null;
      duration_minutes: number;
      price_minor: number;
      active: boolean;
      public_booking: boolean;
      daily_cap: number | null;
    }) => {
      if (!service) return createService(body);
      const patch: Partial<typeof body> = {};
      for (const key of Object.keys(body) as (keyof typeof body)[]) {
        const before =
          key === 'description'
            ? (service.description ?? null)
            : key === 'daily_cap'
              ? (service.daily_cap ?? null)
              : service[key];
        if (body[key] !== before) (patch as Record<string, unknown>)[key] = body[key];
      }
      return updateService(service.id, patch);
    },
    onSuccess: (saved) => {
      changed();
      toast(
        service
          ? t('consoleBooking.serviceSaved', { name: saved.name })
          : t('consoleBooking.serviceAdded', { name: saved.name }),
      );
      onDone();
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const errorOf = (field: string) => local[field] ?? problem?.fieldError(field);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const minutes = /^\d+$/.test(duration.trim()) ? Number(duration.trim()) : null;
    const minor = parseMoney(price, digits);
    const gaps: Record<string, string> = {};
    if (!name.trim()) gaps.name = t('consoleBooking.nameMissing');
    if (!minutes || minutes < 1) gaps.duration_minutes = t('consoleBooking.durationInvalid');
    if (minor === null)
      gaps.price_minor = digits ? t('consoleBooking.priceInvalid') : t('consoleBooking.priceInvalidWhole');
    const capText = cap.trim();
    const dailyCap = /^\d+$/.test(capText) ? Number(capText) : null;
    if (capText && (dailyCap === null || dailyCap < 1 || dailyCap > 500))
      gaps.daily_cap = t('consoleBooking.dailyCapInvalid');
    setLocal(gaps);
    if (Object.keys(gaps).length || minutes === null || minor === null) return;
    save.mutate({
      name: name.trim(),
      description: description.trim() || null,
      duration_minutes: minutes,
      price_minor: minor,
      active,
      public_booking: publicBooking,
      daily_cap: capText ? dailyCap : null,
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={
        service ? t('consoleBooking.editService', { name: service.name }) : t('consoleBooking.newService')
      }
      className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <h3 className="font-semibold text-slate-900">
        {service ? t('consoleBooking.editService', { name: service.name }) : t('consoleBooking.newService')}
      </h3>
      {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
      <TextField
        label={t('consoleBooking.name')}
        value={name}
        autoFocus
        error={errorOf('name')}
        onChange={(e) => setName(e.target.value)}
      />
      <TextArea
        label={t('consoleBooking.serviceDescription')}
        value={description}
        hint={t('consoleBooking.serviceDescriptionHint')}
        error={errorOf('description')}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('consoleBooking.durationMinutes')}
          inputMode="numeric"
          value={duration}
          error={errorOf('duration_minutes')}
          onChange={(e) => setDuration(e.target.value)}
        />
        <TextField
          label={t('consoleBooking.priceIn', { currency: service?.currency || currency })}
          inputMode="decimal"
          value={price}
          placeholder={digits ? '0.00' : '0'}
          error={errorOf('price_minor')}
          onChange={(e) => setPrice(e.target.value)}
        />
      </div>
      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
          className="mt-1 h-4 w-4 shrink-0"
        />
        <span>
          <span className="block font-medium text-slate-900">{t('consoleBooking.offered')}</span>
          <span className="block text-sm text-slate-600">{t('consoleBooking.offeredHint')}</span>
        </span>
      </label>
      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          checked={publicBooking}
          onChange={(e) => setPublicBooking(e.target.checked)}
          className="mt-1 h-4 w-4 shrink-0"
        />
        <span>
          <span className="block font-medium text-slate-900">{t('consoleBooking.servicePublic')}</span>
          <span className="block text-sm text-slate-600">{t('consoleBooking.servicePublicHint')}</span>
        </span>
      </label>
      {errorOf('public_booking') && (
        <p className="text-sm font-medium text-red-700">{errorOf('public_booking')}</p>
      )}
      <div className="sm:w-1/2">
        <TextField
          label={t('consoleBooking.dailyCap')}
          inputMode="numeric"
          value={cap}
          placeholder={t('consoleBooking.dailyCapNone')}
          error={errorOf('daily_cap')}
          hint={t('consoleBooking.dailyCapHint')}
          onChange={(e) => setCap(e.target.value)}
        />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={save.isPending}>
          {service ? t('consoleBooking.saveService') : t('consoleBooking.addService')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('consoleBooking.cancel')}
        </Button>
      </div>
    </form>
  );
}
