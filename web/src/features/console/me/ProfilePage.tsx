import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, CodeInput, PageHeader, TextField, useToast } from '@/components/ui';
import { useStaffMe, type StaffMe } from './api';
import { confirmEmailChange, meKey, startEmailChange, updateMe } from './profile-api';

/** Your own profile: the name clients see, and your login email (proved by a code). */
export function ProfilePage() {
  const me = useStaffMe();
  if (!me.data) return null;
  return (
    <>
      <PageHeader title="Your profile" description={`${me.data.tenant_name} · ${me.data.role}`} />
      <div className="grid max-w-2xl gap-6">
        <NameCard me={me.data} />
        <EmailCard me={me.data} />
      </div>
    </>
  );
}

function NameCard({ me }: { me: StaffMe }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState(me.name);
  const save = useMutation({
    mutationFn: () => updateMe({ name: name.trim() }),
    onSuccess: (updated) => {
      queryClient.setQueryData(meKey, updated);
      toast('Name saved');
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Card title="Your name">
      <form className="space-y-4" onSubmit={submit} noValidate>
        {save.isError && !problem?.fieldError('name') && <Alert tone="error">{messageOf(save.error)}</Alert>}
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          required
          value={name}
          error={problem?.fieldError('name')}
          hint="Clients see it on appointments, messages and projects."
          onChange={(e) => setName(e.target.value)}
        />
        <Button type="submit" busy={save.isPending} disabled={name.trim() === me.name}>
          Save name
        </Button>
      </form>
    </Card>
  );
}

/** Step one asks for the new address and sends it a code; step two takes the code. */
function EmailCard({ me }: { me: StaffMe }) {
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
      toast(`You now log in with ${updated.email}`);
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
      <Card title="Login email">
        <form className="space-y-4" onSubmit={submit} noValidate>
          <p id="email-code-help" className="text-sm text-slate-700">
            We sent a 6-digit code to <strong>{sentTo}</strong>. Enter it here to make it your login email.
            Until then you keep logging in with {me.email}.
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
              Confirm new email
            </Button>
            <Button type="button" variant="secondary" onClick={() => setSentTo(null)}>
              Cancel
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
    <Card title="Login email">
      <form className="space-y-4" onSubmit={submit} noValidate>
        <p className="text-sm text-slate-700">
          You log in with <strong>{me.email}</strong>.
        </p>
        {start.isError && !startProblem?.fieldError('email') && (
          <Alert tone="error">{messageOf(start.error)}</Alert>
        )}
        <TextField
          label="New email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          error={startProblem?.fieldError('email')}
          hint="We send a code to the new address; nothing changes until you enter it."
          onChange={(e) => setEmail(e.target.value)}
        />
        <Button type="submit" busy={start.isPending} disabled={email.trim() === ''}>
          Send a code
        </Button>
      </form>
    </Card>
  );
}
