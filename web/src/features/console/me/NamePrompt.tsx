import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, TextField } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import type { StaffMe } from './api';
import { meKey, updateMe } from './profile-api';

/**
 * Asked once, at the first login: the name clients read ("with Clara", messages signed
 * "Clara Weiss"). Until it is chosen a new owner is only the start of their email address.
 */
export function NamePrompt({ me }: { me: StaffMe }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.name);
  const save = useMutation({
    mutationFn: () => updateMe({ name: name.trim() }),
    onSuccess: (updated) => queryClient.setQueryData(meKey, updated),
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <form className="space-y-5" onSubmit={submit} noValidate aria-labelledby="name-prompt-title">
          <div>
            <h1 id="name-prompt-title" className="text-xl font-semibold text-slate-900">
              {t('consoleMe.welcome.title', { business: me.tenant_name })}
            </h1>
            <p className="mt-1 text-slate-700">{t('consoleMe.welcome.text')}</p>
          </div>
          {save.isError && !problem?.fieldError('name') && (
            <Alert tone="error">{messageOf(save.error)}</Alert>
          )}
          <TextField
            label={t('consoleMe.welcome.nameLabel')}
            name="name"
            autoComplete="name"
            required
            autoFocus
            value={name}
            error={problem?.fieldError('name')}
            hint={t('consoleMe.welcome.nameHint')}
            onChange={(e) => setName(e.target.value)}
          />
          <Button type="submit" busy={save.isPending}>
            {t('consoleMe.welcome.continue')}
          </Button>
        </form>
      </Card>
    </div>
  );
}
