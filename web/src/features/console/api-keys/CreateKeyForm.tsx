import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, TextField, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { apiKeysKey, createApiKey, type CreatedApiKey, type Scope } from './api';
import { SCOPE_LIST, scopeText } from './scopes';

/** A tool people connect, as an example of a key's name (a brand, not translated). */
const NAME_EXAMPLE = 'Zapier';

export function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [noScope, setNoScope] = useState(false);
  const scopeErrorId = useId();
  const create = useMutation({
    mutationFn: () => createApiKey(name.trim(), scopes),
    onSuccess: (key) => {
      void queryClient.invalidateQueries({ queryKey: apiKeysKey });
      setName('');
      setScopes([]);
      toast(t('consoleApiKeys.created'));
      onCreated(key);
    },
  });
  const problem = create.error instanceof ApiProblem ? create.error : null;
  const scopeError =
    (noScope ? t('consoleApiKeys.form.noScope') : undefined) ?? problem?.fieldError('scopes');

  const toggle = (scope: Scope, on: boolean) => {
    setNoScope(false);
    setScopes((s) => (on ? [...s, scope] : s.filter((x) => x !== scope)));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (scopes.length === 0) setNoScope(true);
    else create.mutate();
  };

  return (
    <Card title={t('consoleApiKeys.form.title')}>
      <form onSubmit={submit} noValidate className="space-y-5">
        {create.isError && <Alert tone="error">{messageOf(create.error)}</Alert>}
        <div className="max-w-md">
          <TextField
            label={t('consoleApiKeys.form.name')}
            name="name"
            value={name}
            autoComplete="off"
            placeholder={NAME_EXAMPLE}
            error={problem?.fieldError('name')}
            hint={t('consoleApiKeys.form.nameHint')}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <fieldset aria-describedby={scopeError ? scopeErrorId : undefined}>
          <legend className="mb-2 text-sm font-medium text-slate-800">
            {t('consoleApiKeys.form.scopes')}
          </legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {SCOPE_LIST.map((scope) => (
              <label key={scope} className="flex items-start gap-3 rounded-lg border border-slate-200 p-3">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  checked={scopes.includes(scope)}
                  onChange={(e) => toggle(scope, e.target.checked)}
                  className="mt-1 h-4 w-4 shrink-0"
                />
                <span>
                  <code className="block text-sm font-semibold text-slate-900">{scope}</code>
                  <span className="block text-sm text-slate-600">{scopeText(scope)}</span>
                </span>
              </label>
            ))}
          </div>
          {scopeError && (
            <p id={scopeErrorId} className="mt-2 text-sm font-medium text-red-700">
              {scopeError}
            </p>
          )}
        </fieldset>
        <Button type="submit" busy={create.isPending}>
          {t('consoleApiKeys.form.submit')}
        </Button>
      </form>
    </Card>
  );
}
