import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import {
  Alert,
  Badge,
  Button,
  Card,
  ConfirmButton,
  EmptyState,
  ErrorState,
  Loading,
  TextField,
  useToast,
} from '@/components/ui';
import { formatDay, todayIn } from '@/lib/format';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { formatDuration, formatMoney, fractionDigits, minorToInput, parseMoney } from '@/lib/money';
import {
  createTimeLog,
  deleteTimeLog,
  updateTimeLog,
  useStaffList,
  useTenant,
  useTimeLogs,
  workKeys,
  type ProjectDetail,
  type TimeLog,
  type CreateTimeLog,
} from './api';
import { amountOf, minutesToInput, parseDuration } from './duration';

/** The fields the time form shows; the server's word on any other is said above it. */
const TIME_FIELDS = ['work_date', 'minutes', 'description', 'hourly_rate_minor'];

/** Time spent on the project: log it, see the totals, correct or remove entries. */
export function TimeTab({ project }: { project: ProjectDetail }) {
  const t = useT();
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const logs = useTimeLogs(project.id);
  if (tenant.isPending || logs.isPending) return <Loading label={t('consoleProjectsTime.loading')} />;
  if (tenant.isError || logs.isError) {
    const error = tenant.error ?? logs.error;
    return (
      <ErrorState
        title={t('consoleProjectsTime.loadError')}
        message={messageOf(error)}
        onRetry={() => void (tenant.isError ? tenant.refetch() : logs.refetch())}
      />
    );
  }
  const { currency, timezone } = tenant.data;
  const { items, totals } = logs.data;
  const money = (minor: number) => formatMoney(minor, totals.currency || currency, locale);
  return (
    <div className="space-y-6">
      <Card title={t('consoleProjectsTime.logTime')}>
        <TimeForm project={project} currency={currency} locale={locale} today={todayIn(timezone)} />
      </Card>
      {items.length === 0 ? (
        <EmptyState title={t('consoleProjectsTime.emptyTitle')}>
          {t('consoleProjectsTime.emptyText', { client: project.client_name })}
        </EmptyState>
      ) : (
        <Card title={t('consoleProjectsTime.entries')}>
          <dl aria-label={t('consoleProjectsTime.totals')} className="mb-4 grid gap-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-600">{t('consoleProjectsTime.totalTime')}</dt>
              <dd className="text-lg font-semibold text-slate-900">{formatDuration(totals.minutes)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t('consoleProjectsTime.billableTime')}</dt>
              <dd className="text-lg font-semibold text-slate-900">
                {formatDuration(totals.billable_minutes)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t('consoleProjectsTime.billableAmount')}</dt>
              <dd className="text-lg font-semibold text-slate-900">{money(totals.billable_amount_minor)}</dd>
            </div>
          </dl>
          <ul aria-label={t('consoleProjectsTime.entries')} className="divide-y divide-slate-100">
            {items.map((log) => (
              <TimeRow key={log.id} project={project} log={log} currency={currency} locale={locale} />
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

function TimeRow({
  project,
  log,
  currency,
  locale,
}: {
  project: ProjectDetail;
  log: TimeLog;
  currency: string;
  locale: string;
}) {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const staff = useStaffList();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteTimeLog(log.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workKeys.time(project.id) });
      toast(t('consoleProjectsTime.deleted', { date: formatDay(log.work_date, locale) }));
    },
  });
  const who =
    log.staff_name ?? (log.staff_id ? staff.data?.items.find((s) => s.id === log.staff_id)?.name : undefined);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  if (editing) {
    return (
      <li aria-label={t('consoleProjectsTime.editing', { description: log.description })} className="py-3">
        <TimeForm
          project={project}
          currency={currency}
          locale={locale}
          log={log}
          onDone={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li aria-label={log.description} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
      <div className="min-w-48 flex-1">
        <p className="font-medium break-words text-slate-900">{log.description}</p>
        <p className="text-sm text-slate-600">
          {formatDay(log.work_date, locale)}
          {who && ` · ${who}`}
        </p>
      </div>
      <span className="font-medium text-slate-900">{formatDuration(log.minutes)}</span>
      {log.billable ? (
        <span className="text-sm text-slate-800">
          <Badge tone="green">{t('consoleProjectsTime.billable')}</Badge>{' '}
          {log.hourly_rate_minor != null &&
            t('consoleProjectsTime.perHour', { rate: money(log.hourly_rate_minor) })}
          {log.amount_minor > 0 && <span className="ml-2 font-semibold">{money(log.amount_minor)}</span>}
        </span>
      ) : (
        <Badge tone="grey">{t('consoleProjectsTime.notBillable')}</Badge>
      )}
      <Button variant="ghost" onClick={() => setEditing(true)}>
        {t('consoleProjectsTime.edit')}
      </Button>
      <ConfirmButton
        label={t('consoleProjectsTime.delete')}
        question={t('consoleProjectsTime.deleteQuestion', {
          duration: formatDuration(log.minutes),
          date: formatDay(log.work_date, locale),
        })}
        confirmLabel={t('consoleProjectsTime.deleteConfirm')}
        busy={remove.isPending}
        onConfirm={() => remove.mutateAsync()}
      />
      {remove.isError && <Alert tone="error">{messageOf(remove.error)}</Alert>}
    </li>
  );
}

function TimeForm({
  project,
  currency,
  locale,
  today,
  log,
  onDone,
}: {
  project: ProjectDetail;
  currency: string;
  locale: string;
  today?: string;
  log?: TimeLog;
  onDone?: () => void;
}) {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const digits = fractionDigits(currency, locale);
  const [date, setDate] = useState(log?.work_date ?? today ?? '');
  const [duration, setDuration] = useState(log ? minutesToInput(log.minutes) : '');
  const [description, setDescription] = useState(log?.description ?? '');
  const [billable, setBillable] = useState(log?.billable ?? true);
  const [rate, setRate] = useState(
    log?.hourly_rate_minor != null ? minorToInput(log.hourly_rate_minor, digits) : '',
  );
  const [tried, setTried] = useState(false);
  const minutes = parseDuration(duration);
  const rateMinor = parseMoney(rate, digits);
  const save = useMutation({
    mutationFn: (body: CreateTimeLog) =>
      log ? updateTimeLog(log.id, body) : createTimeLog(project.id, body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: workKeys.time(project.id) });
      toast(
        log
          ? t('consoleProjectsTime.updated')
          : saved.billable
            ? t('consoleProjectsTime.loggedBillable', { duration: formatDuration(saved.minutes) })
            : t('consoleProjectsTime.loggedNotBillable', { duration: formatDuration(saved.minutes) }),
      );
      if (!log) {
        setDuration('');
        setDescription('');
        setTried(false);
      }
      onDone?.();
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const missing = tried
    ? {
        work_date: date ? undefined : t('consoleProjectsTime.dateMissing'),
        minutes:
          minutes === null
            ? t('consoleProjectsTime.durationInvalid')
            : minutes < 1 || minutes > 1440
              ? t('consoleProjectsTime.durationRange')
              : undefined,
        description: description.trim() ? undefined : t('consoleProjectsTime.descriptionMissing'),
        hourly_rate_minor:
          billable && rate.trim() && rateMinor === null
            ? t('consoleProjectsTime.rateInvalid')
            : billable && !rate.trim()
              ? t('consoleProjectsTime.rateMissing')
              : undefined,
      }
    : ({} as Record<string, string | undefined>);
  const errorOf = (field: keyof typeof missing) => missing[field] ?? problem?.fieldError(field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!date || minutes === null || minutes < 1 || minutes > 1440 || !description.trim()) return;
    if (billable && rateMinor === null) return;
    save.mutate({
      work_date: date,
      minutes,
      description: description.trim(),
      billable,
      hourly_rate_minor: billable ? rateMinor : null,
    });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-4">
        <TextField
          label={t('consoleProjectsTime.date')}
          type="date"
          value={date}
          error={errorOf('work_date')}
          onChange={(e) => setDate(e.target.value)}
        />
        <TextField
          label={t('consoleProjectsTime.duration')}
          value={duration}
          placeholder="1:30"
          inputMode="decimal"
          hint={t('consoleProjectsTime.durationHint')}
          error={errorOf('minutes')}
          onChange={(e) => setDuration(e.target.value)}
        />
        <div className="sm:col-span-2">
          <TextField
            label={t('consoleProjectsTime.description')}
            value={description}
            placeholder={t('consoleProjectsTime.descriptionPlaceholder')}
            error={errorOf('description')}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-start gap-6">
        <label className="mt-2 flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            checked={billable}
            onChange={(e) => setBillable(e.target.checked)}
            className="h-4 w-4 rounded border-slate-300"
          />
          {t('consoleProjectsTime.billable')}
        </label>
        {billable && (
          <div className="sm:w-56">
            <TextField
              label={t('consoleProjectsTime.rate', { currency })}
              value={rate}
              inputMode="decimal"
              placeholder={minorToInput(8000, digits)}
              error={errorOf('hourly_rate_minor')}
              hint={
                minutes && rateMinor !== null
                  ? t('consoleProjectsTime.forThisEntry', {
                      amount: formatMoney(amountOf(minutes, rateMinor), currency, locale),
                    })
                  : undefined
              }
              onChange={(e) => setRate(e.target.value)}
            />
          </div>
        )}
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={save.isPending}>
          {log ? t('consoleProjectsTime.saveEntry') : t('consoleProjectsTime.logTime')}
        </Button>
        {onDone && (
          <Button variant="ghost" onClick={onDone}>
            {t('consoleProjectsTime.cancel')}
          </Button>
        )}
      </div>
      {save.isError && (!problem || problem.offScreen(TIME_FIELDS)) && (
        <Alert tone="error">{messageOf(save.error, TIME_FIELDS)}</Alert>
      )}
    </form>
  );
}
