import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, CodeInput, PageHeader, TextField, useToast } from '@/components/ui';
import { LanguagePicker } from '@/components/LanguagePicker';
import { PasskeysCard } from '@/components/passkeys/PasskeysCard';
import { useFormatDate } from '@/lib/console-queries';
import type { Language } from '@/lib/i18n';
import { Rich } from '@/lib/i18n/Rich';
import { useT } from '@/lib/i18n/hooks';
import { useStaffMe, type StaffMe } from './api';
import { CalendarFeedCard } from './CalendarFeedCard';
import { ROLE_KEYS } from './nav';
import { confirmEmailChange, meKey, startEmailChange, updateMe } from './profile-api';

const bold = (chunk: string) => <strong>{chunk}</strong>;

/** Your own profile: the name clients see, and your login email (proved by a code). */
export function ProfilePage() {
  const t = useT();
  const me = useStaffMe();
  if (!me.data) return null;
  const role = t(ROLE_KEYS[me.data.role] ?? me.data.role);
  return (
    <>
      <PageHeader
        title={t('consoleMe.profile.title')}
        description={t('consoleMe.profile.description', { business: me.data.tenant_name, role })}
      />
      <div className="grid max-w-2xl gap-6">
        <NameCard me={me.data} />
        <LanguageCard />
        <EmailCard me={me.data} />
        <Passkeys />
        <CalendarFeedCard />
      </div>
    </>
  );
}

const passkeysKey = ['console', 'passkeys'] as const;

/** Your passkeys, dated like the rest of the console (the business's zone). */
function Passkeys() {
  const formatDate = useFormatDate();
  return <PasskeysCard queryKey={passkeysKey} formatDate={formatDate} />;
}

/** The console's language and that of your emails: switched at once, kept in your profile. */
function LanguageCard() {
  const t = useT();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (language: Language) => updateMe({ language }),
    onSuccess: (updated) => queryClient.setQueryData(meKey, updated),
  });
  return (
    <Card title={t('consoleMe.profile.languageCard')}>
      <div className="space-y-3">
        <LanguagePicker onPick={(language) => save.mutate(language)} />
        <p className="text-sm text-slate-600">{t('consoleMe.profile.languageHint')}</p>
        {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
      </div>
    </Card>
  );
}

function NameCard({ me }: { me: StaffMe }) {
  const t = useT();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState(me.name);
  const save = useMutation({
    mutationFn: () => updateMe({ name: name.trim() }),
    onSuccess: (updated) => {
      queryClient.setQueryData(meKey, updated);
      toast(t('consoleMe.profile.nameSaved'));
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Card title={t('consoleMe.profile.nameCard')}>
      <form className="space-y-4" onSubmit={submit} noValidate>
        {save.isError && !problem?.fieldError('name') && <Alert tone="error">{messageOf(save.error)}</Alert>}
        <TextField
          label={t('consoleMe.profile.nameLabel')}
          name="name"
          autoComplete="name"
          required
          value={name}
          error={problem?.fieldError('name')}
          hint={t('consoleMe.profile.nameHint')}
          onChange={(e) => setName(e.target.value)}
        />
        <Button type="submit" busy={save.isPending} disabled={name.trim() === me.name}>
          {t('consoleMe.profile.saveName')}
        </Button>
      </form>
    </Card>
  );
}

/** Step one asks for the new address and sends it a code; step two takes the code. */
function EmailCard({ me }: { me: StaffMe }) {
  const t = useT();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const start = useMutation({
    mutationFn: () => startEmailChange(email.trim()),
    onSuccess: (started) => {
      setSentTo(started.email);
      setCode('');
    },
  });
  const confirm = useMutation({
    mutationFn: (typed: string) => confirmEmailChange(sentTo ?? '', typed),
    onSuccess: (updated) => {
      queryClient.setQueryData(meKey, updated);
      setSentTo(null);
      setEmail('');
      toast(t('consoleMe.profile.emailChanged', { email: updated.email }));
    },
    // A wrong code is cleared, so the next try starts from the first box.
    onError: () => setCode(''),
  });
  const startProblem = start.error instanceof ApiProblem ? start.error : null;

  if (sentTo) {
    const submit = (e: FormEvent) => {
      e.preventDefault();
      confirm.mutate(code);
    };
    return (
      <Card title={t('consoleMe.profile.emailCard')}>
        <form className="space-y-4" onSubmit={submit} noValidate>
          <p id="email-code-help" className="text-sm text-slate-700">
            <Rich
              text={t('consoleMe.profile.codeSent', { email: sentTo, current: me.email })}
              tags={{ b: bold }}
            />
          </p>
          {confirm.isError && <Alert tone="error">{messageOf(confirm.error)}</Alert>}
          <CodeInput
            value={code}
            onChange={setCode}
            onComplete={(v) => confirm.mutate(v)}
            disabled={confirm.isPending}
            invalid={confirm.isError}
            describedBy="email-code-help"
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" busy={confirm.isPending} disabled={code.length !== 6}>
              {t('consoleMe.profile.confirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setSentTo(null)}>
              {t('consoleMe.profile.cancel')}
            </Button>
          </div>
        </form>
      </Card>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate();
  };
  return (
    <Card title={t('consoleMe.profile.emailCard')}>
      <form className="space-y-4" onSubmit={submit} noValidate>
        <p className="text-sm text-slate-700">
          <Rich text={t('consoleMe.profile.current', { email: me.email })} tags={{ b: bold }} />
        </p>
        {start.isError && !startProblem?.fieldError('email') && (
          <Alert tone="error">{messageOf(start.error)}</Alert>
        )}
        <TextField
          label={t('consoleMe.profile.newEmail')}
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          error={startProblem?.fieldError('email')}
          hint={t('consoleMe.profile.newEmailHint')}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Button type="submit" busy={start.isPending} disabled={email.trim() === ''}>
          {t('consoleMe.profile.sendCode')}
        </Button>
      </form>
    </Card>
  );
}
