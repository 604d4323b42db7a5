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
import { formatMoney, fractionDigits, minorToInput, parseMoney } from '@/lib/money';

/** The services clients can book: add one, or change its name, length, price or whether it is offered. */
export function ServicesCard() {
  const services = useAllServices();
  const tenant = useTenant();
  // `null`: no form; 'new': adding; otherwise the service being edited.
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const locale = tenant.data?.locale ?? navigator.language;
  const currency = tenant.data?.currency ?? 'EUR';

  const list = services.data ?? [];
  return (
    <Card
      title="Services"
      actions={
        editing === null && (
          <Button variant="secondary" onClick={() => setEditing('new')}>
            Add service
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
        <Loading label="Loading services…" />
      ) : services.isError ? (
        <ErrorState
          title="The services could not be loaded"
          message={messageOf(services.error)}
          onRetry={() => void services.refetch()}
        />
      ) : list.length === 0 ? (
        editing === null && (
          <EmptyState
            title="No services yet"
            action={<Button onClick={() => setEditing('new')}>Add your first service</Button>}
          >
            Services are what clients book, such as “Haircut, 45 minutes”. They appear here and in the booking
            form.
          </EmptyState>
        )
      ) : (
        <ResponsiveTable
          columns={['Name', 'Duration', 'Price', 'Status', { label: 'Actions', className: 'sr-only' }]}
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
              </td>
              <Cell label="Duration">{formatDuration(service.duration_minutes)}</Cell>
              <Cell label="Price">
                {formatMoney(service.price_minor, service.currency || currency, locale)}
              </Cell>
              <Cell label="Status">
                {service.active ? <Badge tone="blue">Offered</Badge> : <Badge tone="grey">Not offered</Badge>}
              </Cell>
              <td className="block pt-2 sm:table-cell sm:px-4 sm:py-3 sm:text-right">
                <Button
                  variant="ghost"
                  aria-label={`Edit ${service.name}`}
                  onClick={() => setEditing(service)}
                >
                  Edit
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
  const toast = useToast();
  const changed = useServicesChanged();
  const digits = fractionDigits(service?.currency || currency, locale);
  const [name, setName] = useState(service?.name ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [duration, setDuration] = useState(service ? String(service.duration_minutes) : '');
  const [price, setPrice] = useState(service ? minorToInput(service.price_minor, digits) : '');
  const [active, setActive] = useState(service?.active ?? true);
  const [local, setLocal] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: (body: {
      name: string;
      description: string | null;
      duration_minutes: number;
      price_minor: number;
      active: boolean;
    }) => {
      if (!service) return createService(body);
      const patch: Partial<typeof body> = {};
      for (const key of Object.keys(body) as (keyof typeof body)[]) {
        const before = key === 'description' ? (service.description ?? null) : service[key];
        if (body[key] !== before) (patch as Record<string, unknown>)[key] = body[key];
      }
      return updateService(service.id, patch);
    },
    onSuccess: (saved) => {
      changed();
      toast(service ? `Service “${saved.name}” saved` : `Service “${saved.name}” added`);
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
    if (!name.trim()) gaps.name = 'Give the service a name.';
    if (!minutes || minutes < 1) gaps.duration_minutes = 'How many minutes it takes, e.g. 45.';
    if (minor === null) gaps.price_minor = digits ? 'An amount such as 35.00.' : 'An amount such as 3500.';
    setLocal(gaps);
    if (Object.keys(gaps).length || minutes === null || minor === null) return;
    save.mutate({
      name: name.trim(),
      description: description.trim() || null,
      duration_minutes: minutes,
      price_minor: minor,
      active,
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={service ? `Edit ${service.name}` : 'New service'}
      className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <h3 className="font-semibold text-slate-900">{service ? `Edit ${service.name}` : 'New service'}</h3>
      {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
      <TextField
        label="Name"
        value={name}
        autoFocus
        error={errorOf('name')}
        onChange={(e) => setName(e.target.value)}
      />
      <TextArea
        label="Description"
        value={description}
        hint="Optional. Clients see it when they book."
        error={errorOf('description')}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Duration (minutes)"
          inputMode="numeric"
          value={duration}
          error={errorOf('duration_minutes')}
          onChange={(e) => setDuration(e.target.value)}
        />
        <TextField
          label={`Price (${service?.currency || currency})`}
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
          <span className="block font-medium text-slate-900">Offered</span>
          <span className="block text-sm text-slate-600">
            Clients can book it. Turn it off to stop new bookings; existing appointments stay.
          </span>
        </span>
      </label>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={save.isPending}>
          {service ? 'Save service' : 'Add service'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
