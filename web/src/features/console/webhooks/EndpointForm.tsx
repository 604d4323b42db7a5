import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, TextField } from '@/components/ui';
import { EventPicker } from './EventPicker';

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
          label="Endpoint URL"
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://hooks.example.com/portico"
          value={values.url}
          error={problem?.fieldError('url')}
          hint="Portico POSTs each event here as JSON. It must be an https address on the public internet."
          onChange={(e) => setValues({ ...values, url: e.target.value })}
        />
        <TextField
          label="Description (optional)"
          name="description"
          autoComplete="off"
          placeholder="Sync paid invoices to accounting"
          value={values.description}
          error={problem?.fieldError('description')}
          onChange={(e) => setValues({ ...values, description: e.target.value })}
        />
      </div>
      <EventPicker
        selected={values.events}
        error={(noEvent ? 'Choose at least one event to send.' : undefined) ?? problem?.fieldError('events')}
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
