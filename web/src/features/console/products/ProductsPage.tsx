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

/** Digital products: files you grant to clients, who download them from the portal. */
export function ProductsPage() {
  const products = useProducts();
  const format = useFormatDate();
  const tenant = useTenant();
  const locale = tenant.data?.locale ?? navigator.language;
  const [creating, setCreating] = useState(false);
  const items = products.data?.items ?? [];
  return (
    <div>
      <PageHeader
        title="Products"
        description="Files you give clients access to, such as a brand kit or a guide. They download them from the portal."
        actions={!creating && <Button onClick={() => setCreating(true)}>New product</Button>}
      />
      {creating && (
        <div className="mb-6 max-w-3xl">
          <NewProduct onCancel={() => setCreating(false)} />
        </div>
      )}
      {products.isPending ? (
        <Loading label="Loading products…" />
      ) : products.isError ? (
        <ErrorState
          title="The products could not be loaded"
          message={messageOf(products.error)}
          onRetry={() => void products.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState
          title="No products yet"
          action={!creating && <Button onClick={() => setCreating(true)}>Create your first product</Button>}
        >
          A product is a file you give clients, such as a brand starter kit. Create one, upload its file, then
          grant it to clients: it appears in their portal with a download.
        </EmptyState>
      ) : (
        <ResponsiveTable
          columns={['Product', 'File', 'Clients', { label: 'Updated', className: 'hidden md:table-cell' }]}
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
              <Cell label="File">
                {p.file ? (
                  `${p.file.name} (${formatBytes(p.file.size, locale)})`
                ) : (
                  <span className="text-amber-800">No file yet</span>
                )}
              </Cell>
              <Cell label="Clients">
                {p.grants === 0 ? (
                  <span className="text-slate-600">Nobody yet</span>
                ) : (
                  `${p.grants} ${p.grants === 1 ? 'client' : 'clients'}`
                )}
              </Cell>
              <Cell label="Updated" wide="sm:hidden md:table-cell">
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
      toast(`Product “${p.name}” created — now upload its file`);
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
    <Card title="New product">
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label="Name"
          value={name}
          placeholder="e.g. Brand starter kit"
          error={tried && !name.trim() ? 'Give the product a name.' : problem?.fieldError('name')}
          onChange={(e) => setName(e.target.value)}
        />
        <TextArea
          label="Description (optional)"
          value={description}
          hint="Clients see it in the portal, next to the download."
          error={problem?.fieldError('description')}
          onChange={(e) => setDescription(e.target.value)}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={create.isPending}>
            Create product
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
        {create.isError && (!problem || problem.offScreen(['name', 'description'])) && (
          <Alert tone="error">{messageOf(create.error, ['name', 'description'])}</Alert>
        )}
      </form>
    </Card>
  );
}
