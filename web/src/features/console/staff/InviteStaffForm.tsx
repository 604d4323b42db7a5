import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, TextField, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { inviteStaff, staffKey, useConsoleMe, type Role } from './api';
import { roleDoes, roleLabel, rolesFor } from './roles';

export function InviteStaffForm() {
  const t = useT();
  const queryClient = useQueryClient();
  const toast = useToast();
  const me = useConsoleMe();
  const roleId = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const invite = useMutation({
    mutationFn: () => inviteStaff({ email: email.trim(), name: name.trim(), role }),
    onSuccess: (member) => {
      void queryClient.invalidateQueries({ queryKey: staffKey });
      toast(t('consoleStaff.invite.sent', { email: member.email }));
      setEmail('');
      setName('');
      setRole('member');
    },
  });
  const problem = invite.error instanceof ApiProblem ? invite.error : null;
  const roleError = problem?.fieldError('role');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <Card title={t('consoleStaff.invite.title')}>
      <form onSubmit={submit} noValidate className="space-y-5">
        {invite.isError && <Alert tone="error">{messageOf(invite.error)}</Alert>}
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label={t('consoleStaff.invite.email')}
            name="email"
            type="email"
            autoComplete="off"
            value={email}
            error={problem?.fieldError('email')}
            hint={t('consoleStaff.invite.emailHint')}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label={t('consoleStaff.invite.name')}
            name="name"
            autoComplete="off"
            value={name}
            error={problem?.fieldError('name')}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="max-w-md space-y-1.5">
          <label htmlFor={roleId} className="block text-sm font-medium text-slate-800">
            {t('consoleStaff.invite.role')}
          </label>
          <select
            id={roleId}
            value={role}
            aria-describedby={`${roleId}-hint`}
            aria-invalid={roleError ? true : undefined}
            onChange={(e) => setRole(e.target.value as Role)}
            className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-[15px] text-slate-900 shadow-sm"
          >
            {rolesFor(me.data).map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
          <p
            id={`${roleId}-hint`}
            className={`text-sm ${roleError ? 'font-medium text-red-700' : 'text-slate-600'}`}
          >
            {roleError ?? roleDoes(role)}
          </p>
        </div>
        <Button type="submit" busy={invite.isPending}>
          {t('consoleStaff.invite.submit')}
        </Button>
      </form>
    </Card>
  );
}
