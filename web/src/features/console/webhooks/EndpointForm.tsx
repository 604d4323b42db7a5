import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, TextField } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { EventPicker } from './EventPicker';

/** A sample address, the same in every language. */
const URL_SAMPLE = 'https://hooks.example.com/portico';

export interface EndpointValues {
  url: string;
  description: string;
  events: string[];
}

/** The URL, a description and the events: the same form creates and edits an endpoint. */
export function EndpointForm({
  initial,
  submitLabel,
  busy,
  error,
  onSubmit,
}: {
  initial: EndpointValues;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (values: EndpointValues) => void;
}) {
  const t = useT();
  const [values, setValues] = useState(initial);
  const [noEvent, setNoEvent] = useState(false);
  const problem = error instanceof ApiProblem ? error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (values.events.length === 0) setNoEvent(true);
    else onSubmit({ ...values, url: values.url.trim(), description: values.description.trim() });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      {Boolean(error) && <Alert tone="error">{messageOf(error)}</Alert>}
      <div className="max-w-xl space-y-4">
        <TextField
          label={t('consoleWebhooks.field.url')}
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder={URL_SAMPLE}
          value={values.url}
          error={problem?.fieldError('url')}
          hint={t('consoleWebhooks.field.urlHint')}
          onChange={(e) => setValues({ ...values, url: e.target.value })}
        />
        <TextField
          label={t('consoleWebhooks.field.description')}
          name="description"
          autoComplete="off"
          placeholder={t('consoleWebhooks.field.descriptionPlaceholder')}
          value={values.description}
          error={problem?.fieldError('description')}
          onChange={(e) => setValues({ ...values, description: e.target.value })}
        />
      </div>
      <EventPicker
        selected={values.events}
        error={(noEvent ? t('consoleWebhooks.noEvent') : undefined) ?? problem?.fieldError('events')}
        onChange={(events) => {
          setNoEvent(false);
          setValues({ ...values, events });
        }}
      />
      <Button type="submit" busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
