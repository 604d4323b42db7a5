import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import {
  Alert,
  Button,
  Card,
  Cell,
  EmptyState,
  ErrorState,
  Loading,
  PageHeader,
  ResponsiveTable,
  TextArea,
  TextField,
  useToast,
} from '@/components/ui';
import { createProduct, useFormatDate, useProducts, useProductSaved, useTenant } from './api';
import { rowClass } from '@/components/styles';
import { formatBytes } from '@/lib/format';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';

/** Digital products: files you grant to clients, who download them from the portal. */
export function ProductsPage() {
  const t = useT();
  const products = useProducts();
  const format = useFormatDate();
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const [creating, setCreating] = useState(false);
  const items = products.data?.items ?? [];
  return (
    <div>
      <PageHeader
        title={t('consoleProducts.title')}
        description={t('consoleProducts.description')}
        actions={!creating && <Button onClick={() => setCreating(true)}>{t('consoleProducts.new')}</Button>}
      />
      {creating && (
        <div className="mb-6 max-w-3xl">
          <NewProduct onCancel={() => setCreating(false)} />
        </div>
      )}
      {products.isPending ? (
        <Loading label={t('consoleProducts.loadingList')} />
      ) : products.isError ? (
        <ErrorState
          title={t('consoleProducts.loadListError')}
          message={messageOf(products.error)}
          onRetry={() => void products.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState
          title={t('consoleProducts.emptyTitle')}
          action={
            !creating && <Button onClick={() => setCreating(true)}>{t('consoleProducts.createFirst')}</Button>
          }
        >
          {t('consoleProducts.emptyBody')}
        </EmptyState>
      ) : (
        <ResponsiveTable
          columns={[
            t('consoleProducts.column.product'),
            t('consoleProducts.column.file'),
            t('consoleProducts.column.clients'),
            { label: t('consoleProducts.column.updated'), className: 'hidden md:table-cell' },
          ]}
        >
          {items.map((p) => (
            <tr key={p.id} className={rowClass}>
              <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
                <Link
                  to={`/app/products/${p.id}`}
                  className="font-semibold text-slate-900 after:absolute after:inset-0 after:content-[''] hover:underline"
                >
                  {p.name}
                </Link>
                {p.description && <p className="line-clamp-1 text-slate-600">{p.description}</p>}
              </td>
              <Cell label={t('consoleProducts.column.file')}>
                {p.file ? (
                  `${p.file.name} (${formatBytes(p.file.size, locale)})`
                ) : (
                  <span className="text-amber-800">{t('consoleProducts.noFile')}</span>
                )}
              </Cell>
              <Cell label={t('consoleProducts.column.clients')}>
                {p.grants === 0 ? (
                  <span className="text-slate-600">{t('consoleProducts.nobody')}</span>
                ) : (
                  t('consoleProducts.clientCount', { count: p.grants })
                )}
              </Cell>
              <Cell label={t('consoleProducts.column.updated')} wide="sm:hidden md:table-cell">
                {format(p.updated_at)}
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </div>
  );
}

function NewProduct({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const saved = useProductSaved();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);
  const create = useMutation({
    mutationFn: () => createProduct({ name: name.trim(), description: description.trim() || undefined }),
    onSuccess: (p) => {
      saved(p);
      toast(t('consoleProducts.createdToast', { name: p.name }));
      navigate(`/app/products/${p.id}`);
    },
  });
  const problem = create.error instanceof ApiProblem ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (name.trim()) create.mutate();
  };
  return (
    <Card title={t('consoleProducts.newTitle')}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label={t('consoleProducts.field.name')}
          value={name}
          placeholder={t('consoleProducts.field.namePlaceholder')}
          error={tried && !name.trim() ? t('consoleProducts.field.nameMissing') : problem?.fieldError('name')}
          onChange={(e) => setName(e.target.value)}
        />
        <TextArea
          label={t('consoleProducts.field.descriptionOptional')}
          value={description}
          hint={t('consoleProducts.field.descriptionHint')}
          error={problem?.fieldError('description')}
          onChange={(e) => setDescription(e.target.value)}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={create.isPending}>
            {t('consoleProducts.create')}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            {t('consoleProducts.cancel')}
          </Button>
        </div>
        {create.isError && (!problem || problem.offScreen(['name', 'description'])) && (
          <Alert tone="error">{messageOf(create.error, ['name', 'description'])}</Alert>
        )}
      </form>
    </Card>
  );
}
