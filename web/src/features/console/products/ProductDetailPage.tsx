import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { ClientPicker, type PickedClient } from '@/components/ClientPicker';
import {
  Alert,
  Button,
  Card,
  ConfirmButton,
  ErrorState,
  Loading,
  TextArea,
  TextField,
  useToast,
} from '@/components/ui';
import {
  deleteProduct,
  grantProduct,
  productKeys,
  putProductFile,
  revokeGrant,
  updateProduct,
  useFormatDate,
  useGrants,
  useProduct,
  useProductSaved,
  useTenant,
  type Product,
} from './api';
import { formatBytes } from '@/lib/format';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { downloadFile } from './files';

export function ProductDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const product = useProduct(id);
  return (
    <div className="max-w-4xl">
      <Link
        to="/app/products"
        className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline"
      >
        {t('consoleProducts.backToList')}
      </Link>
      {product.isPending ? (
        <Loading label={t('consoleProducts.loadingOne')} />
      ) : product.isError ? (
        <ErrorState
          title={t('consoleProducts.loadOneError')}
          message={messageOf(product.error)}
          onRetry={() => void product.refetch()}
        />
      ) : (
        <div className="space-y-6">
          <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">
            {product.data.name}
          </h1>
          <Details product={product.data} />
          <FileCard product={product.data} />
          <Grants product={product.data} />
          <DeleteProduct product={product.data} />
        </div>
      )}
    </div>
  );
}

function Details({ product }: { product: Product }) {
  const t = useT();
  const toast = useToast();
  const saved = useProductSaved();
  const [name, setName] = useState(product.name);
  const [description, setDescription] = useState(product.description ?? '');
  const save = useMutation({
    mutationFn: () =>
      updateProduct(product.id, { name: name.trim(), description: description.trim() || null }),
    onSuccess: (p) => {
      saved(p);
      toast(t('consoleProducts.savedToast', { name: p.name }));
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) save.mutate();
  };
  return (
    <Card title={t('consoleProducts.details')}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label={t('consoleProducts.field.name')}
          value={name}
          error={!name.trim() ? t('consoleProducts.field.nameMissing') : problem?.fieldError('name')}
          onChange={(e) => setName(e.target.value)}
        />
        <TextArea
          label={t('consoleProducts.field.description')}
          value={description}
          hint={t('consoleProducts.field.descriptionHint')}
          error={problem?.fieldError('description')}
          onChange={(e) => setDescription(e.target.value)}
        />
        <Button type="submit" busy={save.isPending}>
          {t('consoleProducts.saveChanges')}
        </Button>
        {save.isError && (!problem || problem.offScreen(['name', 'description'])) && (
          <Alert tone="error">{messageOf(save.error, ['name', 'description'])}</Alert>
        )}
      </form>
    </Card>
  );
}

function FileCard({ product }: { product: Product }) {
  const t = useT();
  const toast = useToast();
  const saved = useProductSaved();
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => putProductFile(product.id, f),
    onSuccess: (p) => {
      saved(p);
      setFile(null);
      if (input.current) input.current.value = '';
      const fileName = p.file?.name ?? '';
      toast(
        product.file
          ? t('consoleProducts.replacedToast', { file: fileName })
          : t('consoleProducts.uploadedToast', { file: fileName }),
      );
    },
  });
  const download = useMutation({ mutationFn: (id: string) => downloadFile(id) });
  return (
    <Card title={t('consoleProducts.column.file')}>
      {product.file ? (
        <div className="mb-4 flex flex-wrap items-center gap-3">
          <p className="font-medium break-all text-slate-900">{product.file.name}</p>
          <span className="text-sm text-slate-600">{formatBytes(product.file.size, locale)}</span>
          <Button
            variant="secondary"
            busy={download.isPending}
            onClick={() => download.mutate(product.file!.id)}
          >
            {t('consoleProducts.download')}
          </Button>
        </div>
      ) : (
        <p className="mb-4 text-sm text-slate-700">{t('consoleProducts.noFileBody')}</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate(file);
        }}
        className="flex flex-wrap items-end gap-3"
      >
        <div className="space-y-1.5">
          <label htmlFor="product-file" className="block text-sm font-medium text-slate-800">
            {t(product.file ? 'consoleProducts.replaceFile' : 'consoleProducts.uploadFile')}
          </label>
          <input
            id="product-file"
            ref={input}
            type="file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="block text-sm text-slate-800 file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-semibold"
          />
        </div>
        <Button type="submit" busy={upload.isPending} disabled={!file}>
          {t(product.file ? 'consoleProducts.replace' : 'consoleProducts.upload')}
        </Button>
      </form>
      {(upload.error ?? download.error) != null && (
        <div className="mt-3">
          <Alert tone="error">{messageOf(upload.error ?? download.error)}</Alert>
        </div>
      )}
    </Card>
  );
}

function Grants({ product }: { product: Product }) {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const grants = useGrants(product.id);
  const format = useFormatDate();
  const [client, setClient] = useState<PickedClient | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: productKeys.grants(product.id) });
  const grant = useMutation({
    mutationFn: (c: PickedClient) => grantProduct(product.id, c.id),
    onSuccess: (_g, c) => {
      refresh();
      setClient(null);
      toast(t('consoleProducts.grantedToast', { client: c.name, product: product.name }));
    },
  });
  const revoke = useMutation({
    mutationFn: (c: { id: string; name: string }) => revokeGrant(product.id, c.id),
    onSuccess: (_r, c) => {
      refresh();
      toast(t('consoleProducts.revokedToast', { client: c.name, product: product.name }));
    },
  });
  const items = grants.data?.items ?? [];
  return (
    <Card title={t('consoleProducts.withAccess')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (client) grant.mutate(client);
        }}
        className="flex flex-col gap-3 sm:flex-row sm:items-start"
      >
        <div className="flex-1">
          <ClientPicker
            label={t('consoleProducts.grantLabel')}
            value={client}
            onChange={(c) => {
              grant.reset();
              setClient(c);
            }}
            error={grant.error instanceof ApiProblem ? grant.error.fieldError('client_id') : undefined}
          />
        </div>
        <Button type="submit" busy={grant.isPending} disabled={!client} className="sm:mt-7">
          {t('consoleProducts.grant')}
        </Button>
      </form>
      {grant.isError && !(grant.error instanceof ApiProblem && grant.error.fieldError('client_id')) && (
        <div className="mt-3">
          <Alert tone="error">{messageOf(grant.error)}</Alert>
        </div>
      )}
      <div className="mt-5">
        {grants.isPending ? (
          <Loading label={t('consoleProducts.loadingGrants')} />
        ) : grants.isError ? (
          <ErrorState
            title={t('consoleProducts.loadGrantsError')}
            message={messageOf(grants.error)}
            onRetry={() => void grants.refetch()}
          />
        ) : items.length === 0 ? (
          <p className="text-sm text-slate-600">{t('consoleProducts.noGrants')}</p>
        ) : (
          <ul aria-label={t('consoleProducts.withAccess')} className="divide-y divide-slate-100">
            {items.map((g) => (
              <li
                key={g.client_id}
                aria-label={g.client_name}
                className="flex flex-wrap items-center gap-3 py-3"
              >
                <div className="flex-1">
                  <Link
                    to={`/app/clients/${g.client_id}`}
                    className="font-medium text-slate-900 underline underline-offset-2"
                  >
                    {g.client_name}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {t('consoleProducts.since', { date: format(g.granted_at) })}
                  </p>
                </div>
                <ConfirmButton
                  label={t('consoleProducts.revoke')}
                  question={t('consoleProducts.revokeQuestion', {
                    client: g.client_name,
                    product: product.name,
                  })}
                  confirmLabel={t('consoleProducts.revokeConfirm')}
                  busy={revoke.isPending}
                  onConfirm={() => revoke.mutateAsync({ id: g.client_id, name: g.client_name })}
                />
              </li>
            ))}
          </ul>
        )}
        {revoke.isError && (
          <div className="mt-3">
            <Alert tone="error">{messageOf(revoke.error)}</Alert>
          </div>
        )}
      </div>
    </Card>
  );
}

function DeleteProduct({ product }: { product: Product }) {
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteProduct(product.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: productKeys.list });
      toast(t('consoleProducts.deletedToast', { name: product.name }));
      navigate('/app/products');
    },
  });
  return (
    <div>
      <ConfirmButton
        label={t('consoleProducts.delete')}
        question={t('consoleProducts.deleteQuestion', { name: product.name })}
        confirmLabel={t('consoleProducts.delete')}
        busy={remove.isPending}
        onConfirm={() => remove.mutateAsync()}
      />
      {remove.isError && (
        <div className="mt-3">
          <Alert tone="error">{messageOf(remove.error)}</Alert>
        </div>
      )}
    </div>
  );
}
