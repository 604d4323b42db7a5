import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useParams } from 'react-router';
import { setActiveRealm } from '@/api/client';
import { ApiProblem, messageOf } from '@/api/problem';
import { BookingSteps } from '@/components/booking/BookingSteps';
import { BookingSummary } from '@/components/booking/BookingSummary';
import { useBookingChoice } from '@/components/booking/choice';
import { PortalBrand } from '@/components/branding/PortalBrand';
import { Alert, Button, CodeInput, ErrorState, Loading, TextField } from '@/components/ui';
import { brandStyle } from '@/lib/color';
import { useFormatLocale, useLanguage, useT, type Translate } from '@/lib/i18n/hooks';
import { browserZone } from '@/lib/portal-zone';
import {
  makePublicBooking,
  requestBookingCode,
  usePublicBookingOptions,
  usePublicBranding,
  usePublicSlots,
  type BookingMade,
  type BookingOptions,
} from './api';

/**
 * Anyone books online, without an account: the same steps as in the portal, on their browser's
 * clock, then their details and a code emailed to them to prove the address.
 * `/book/:slug`, or `/book/:slug/:serviceId` for one service.
 */
export function PublicBookingPage() {
  const t = useT();
  const { slug = '', serviceId } = useParams();
  // No session here: a visitor's wrong code must not end a portal session open in this tab.
  setActiveRealm(null);
  useEffect(() => setActiveRealm(null), []);
  const branding = usePublicBranding(slug);
  const options = usePublicBookingOptions(slug);
  const name = options.data?.business_name ?? branding.data?.name;
  useEffect(() => {
    if (name) document.title = t('publicBooking.pageTitle', { name });
  }, [name, t]);
  const missing = options.error instanceof ApiProblem && options.error.status === 404;

  return (
    <div style={branding.data ? brandStyle(branding.data.primary_color) : undefined} className="min-h-dvh">
      <main id="main" className="flex justify-center px-4 py-8 sm:py-12">
        <div className="w-full max-w-2xl">
          {name && (
            <div className="mb-6 flex items-center gap-3">
              <PortalBrand branding={{ name, logo_url: branding.data?.logo_url }} />
              <span className="font-semibold text-slate-900">{name}</span>
            </div>
          )}
          <div className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm">
            <div className="h-2 bg-brand" />
            <div className="p-5 sm:p-8">
              {options.isPending ? (
                <Loading label={t('publicBooking.loading')} />
              ) : missing ? (
                <div>
                  <h1 className="text-2xl font-semibold text-slate-900">{t('publicBooking.unavailable')}</h1>
                  <p className="mt-2 text-slate-600">
                    {name
                      ? t('publicBooking.unavailableText', { name })
                      : t('publicBooking.unavailableTextNoName')}
                  </p>
                </div>
              ) : options.isError ? (
                <ErrorState message={messageOf(options.error)} onRetry={() => void options.refetch()} />
              ) : (
                <Visitor
                  slug={slug}
                  options={options.data}
                  serviceId={serviceId ?? null}
                  locale={branding.data?.locale}
                />
              )}
            </div>
          </div>
        </div>
      </main>
    </div>
  );
}

interface Details {
  name: string;
  email: string;
  phone: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function localErrors(d: Details, t: Translate): Partial<Record<keyof Details, string>> {
  const errors: Partial<Record<keyof Details, string>> = {};
  if (!d.name.trim()) errors.name = t('publicBooking.fillIn');
  if (!d.email.trim()) errors.email = t('publicBooking.fillIn');
  else if (!EMAIL.test(d.email.trim())) errors.email = t('publicBooking.emailInvalid');
  return errors;
}

/** Too many tries: when to try again, as exactly as the server said. */
function waitText(seconds: number | null, t: Translate): string {
  if (!seconds) return t('publicBooking.tooOften');
  return t('publicBooking.tooOftenMinutes', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
}

function Visitor({
  slug,
  options,
  serviceId,
  locale: tenantLocale,
}: {
  slug: string;
  options: BookingOptions;
  serviceId: string | null;
  locale?: string;
}) {
  const t = useT();
  const language = useLanguage();
  const locale = useFormatLocale(tenantLocale);
  const [zone] = useState(browserZone);
  const choice = useBookingChoice({ options, readerZone: zone, service: serviceId, lockService: true });
  const slots = usePublicSlots(
    slug,
    choice.service
      ? {
          service_id: choice.service.id,
          ...(choice.staffId ? { staff_id: choice.staffId } : {}),
          ...choice.range,
        }
      : null,
  );
  const queryClient = useQueryClient();
  const [details, setDetails] = useState<Details>({ name: '', email: '', phone: '' });
  const [tried, setTried] = useState(false);
  const [codeSent, setCodeSent] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [sending, setSending] = useState(false);
  const [booking, setBooking] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [gone, setGone] = useState<string | null>(null);
  const [made, setMade] = useState<BookingMade | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (made) doneRef.current?.focus();
  }, [made]);

  if (made) return <Done made={made} locale={locale} zone={zone} headingRef={doneRef} />;

  const local = tried ? localErrors(details, t) : {};
  const fieldError = (field: keyof Details | 'code') =>
    (field === 'code' ? undefined : local[field]) ?? problem?.fieldError(field);
  const onScreen = ['name', 'email', 'phone', 'code'];
  const set = (field: keyof Details, value: string) => setDetails((d) => ({ ...d, [field]: value }));

  const sendCode = async (e?: FormEvent) => {
    e?.preventDefault();
    setTried(true);
    if (Object.keys(localErrors(details, t)).length > 0) return;
    setSending(true);
    setProblem(null);
    setFailure(null);
    try {
      const sent = await requestBookingCode(slug, { email: details.email.trim(), language });
      setCodeSent(sent.message);
      setCode('');
    } catch (err) {
      if (err instanceof ApiProblem) setProblem(err);
      else setFailure(messageOf(err));
    } finally {
      setSending(false);
    }
  };

  const book = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!choice.service || !choice.slot) return;
    if (code.length !== 6) {
      setFailure(t('publicBooking.codeIncomplete'));
      return;
    }
    setBooking(true);
    setProblem(null);
    setFailure(null);
    const notes = choice.notes.trim();
    const phone = details.phone.trim();
    try {
      const answer = await makePublicBooking(slug, {
        service_id: choice.service.id,
        ...(choice.staffId ? { staff_id: choice.staffId } : {}),
        starts_at: choice.slot.starts_at,
        ...(notes ? { notes } : {}),
        name: details.name.trim(),
        email: details.email.trim(),
        ...(phone ? { phone } : {}),
        code,
        time_zone: zone,
        language,
      });
      setMade(answer);
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 409) {
        // The time was taken: pick another; the details and the code stay.
        setGone(messageOf(err));
        choice.slotGone();
        void queryClient.invalidateQueries({ queryKey: ['public-booking', slug, 'slots'] });
      } else if (err instanceof ApiProblem && err.status === 401) {
        setFailure(messageOf(err));
        setCode('');
      } else if (err instanceof ApiProblem) {
        setProblem(err);
      } else {
        setFailure(messageOf(err));
      }
    } finally {
      setBooking(false);
    }
  };

  const alerts: ReactNode = (
    <>
      {failure && <Alert tone="error">{failure}</Alert>}
      {problem?.status === 429 ? (
        <Alert tone="warning">{waitText(problem.retryAfter, t)}</Alert>
      ) : (
        problem && (
          <Alert tone="error">
            {problem.errors.length > 0 && !problem.offScreen(onScreen)
              ? t('publicBooking.checkFields')
              : problem.summary(onScreen)}
          </Alert>
        )
      )}
    </>
  );

  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight text-slate-900">
        {t('publicBooking.title', { name: options.business_name })}
      </h1>
      <BookingSteps
        choice={choice}
        options={options}
        locale={locale}
        readerZone={zone}
        slots={{
          data: slots.data?.slots,
          loading: slots.isPending && slots.fetchStatus !== 'idle',
          error: slots.isError ? messageOf(slots.error) : null,
        }}
        notice={gone}
        finalTitle={t('publicBooking.detailsTitle')}
        final={
          choice.service &&
          choice.slot && (
            <div className="space-y-5">
              <BookingSummary
                service={choice.service}
                staffName={choice.staff?.name ?? null}
                startsAt={choice.slot.starts_at}
                endsAt={choice.slot.ends_at}
                zone={choice.shownZone}
                locale={locale}
                location={options.location}
                notes={choice.notes.trim() || null}
              />
              {options.requires_confirmation && (
                <p className="text-sm text-slate-700">
                  {t('booking.needsConfirmation', { name: options.business_name })}
                </p>
              )}
              {alerts}
              <form className="space-y-4" onSubmit={(e) => void sendCode(e)} noValidate>
                <TextField
                  label={t('publicBooking.name')}
                  name="name"
                  autoComplete="name"
                  required
                  value={details.name}
                  disabled={codeSent !== null}
                  error={fieldError('name')}
                  onChange={(e) => set('name', e.target.value)}
                />
                <TextField
                  label={t('publicBooking.email')}
                  name="email"
                  type="email"
                  autoComplete="email"
                  required
                  value={details.email}
                  disabled={codeSent !== null}
                  error={fieldError('email')}
                  hint={t('publicBooking.emailHint')}
                  onChange={(e) => set('email', e.target.value)}
                />
                <TextField
                  label={t('publicBooking.phone')}
                  name="phone"
                  type="tel"
                  autoComplete="tel"
                  value={details.phone}
                  disabled={codeSent !== null}
                  error={fieldError('phone')}
                  onChange={(e) => set('phone', e.target.value)}
                />
                {codeSent === null ? (
                  <Button type="submit" busy={sending}>
                    {t('publicBooking.sendCode')}
                  </Button>
                ) : (
                  <Button variant="ghost" onClick={() => setCodeSent(null)}>
                    {t('publicBooking.changeDetails')}
                  </Button>
                )}
              </form>
              {codeSent !== null && (
                <form className="space-y-4" onSubmit={(e) => void book(e)} noValidate>
                  <p role="status" className="text-slate-800">
                    {codeSent}
                  </p>
                  <div className="max-w-sm space-y-1.5">
                    <p id="code-label" className="text-sm font-medium text-slate-800">
                      {t('publicBooking.codeLabel')}
                    </p>
                    <CodeInput
                      value={code}
                      onChange={setCode}
                      invalid={Boolean(fieldError('code'))}
                      describedBy="code-label"
                    />
                    {fieldError('code') && (
                      <p className="text-sm font-medium text-red-700">{fieldError('code')}</p>
                    )}
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <Button type="submit" busy={booking}>
                      {options.requires_confirmation ? t('publicBooking.request') : t('publicBooking.book')}
                    </Button>
                    <Button variant="secondary" busy={sending} onClick={() => void sendCode()}>
                      {t('publicBooking.resend')}
                    </Button>
                  </div>
                </form>
              )}
            </div>
          )
        }
      />
    </>
  );
}

function Done({
  made,
  locale,
  zone,
  headingRef,
}: {
  made: BookingMade;
  locale: string;
  zone: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const t = useT();
  const a = made.appointment;
  const pending = a.status === 'pending';
  return (
    <div className="space-y-4">
      <h1
        ref={headingRef}
        tabIndex={-1}
        className="text-2xl font-semibold tracking-tight text-slate-900 focus:outline-none"
      >
        {pending ? t('publicBooking.doneRequested') : t('publicBooking.doneBooked')}
      </h1>
      <p className={pending ? 'font-medium text-amber-900' : 'font-medium text-green-800'}>
        {pending ? t('publicBooking.statusPending') : t('publicBooking.statusConfirmed')}
      </p>
      <BookingSummary
        service={{ name: a.service_name, duration_minutes: a.duration_minutes }}
        staffName={a.staff_name ?? null}
        startsAt={a.starts_at}
        endsAt={a.ends_at}
        zone={zone}
        locale={locale}
        location={a.location}
      />
      <p className="text-slate-700">{t('publicBooking.emailed')}</p>
      {made.portal_access && (
        <a
          href={made.portal_url}
          className="inline-flex min-h-10 items-center rounded-lg bg-brand px-4 py-2 text-sm font-semibold text-brand-fg shadow-sm hover:opacity-90"
        >
          {t('publicBooking.seeInPortal')}
        </a>
      )}
    </div>
  );
}
