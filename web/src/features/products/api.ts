import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '@/api/client';
import { loose, type Grant, type Product } from './pending';

export type { Grant, Product, ProductFile } from './pending';

// Every key starts with 'console' so logging out of the console forgets them all.
export const productKeys = {
  list: ['console', 'products', 'list'] as const,
  detail: (id: string) => ['console', 'products', 'detail', id] as const,
  grants: (id: string) => ['console', 'products', 'grants', id] as const,
};

export function useProducts() {
  return useQuery({
    queryKey: productKeys.list,
    queryFn: () => call(loose.GET('/api/v1/products')) as Promise<{ items: Product[] }>,
  });
}

export function useProduct(id: string) {
  return useQuery({
    queryKey: productKeys.detail(id),
    queryFn: () => call(loose.GET('/api/v1/products/{id}', { params: { path: { id } } })) as Promise<Product>,
  });
}

export function useGrants(id: string) {
  return useQuery({
    queryKey: productKeys.grants(id),
    queryFn: () =>
      call(loose.GET('/api/v1/products/{id}/grants', { params: { path: { id } } })) as Promise<{
        items: Grant[];
      }>,
  });
}

/** Puts a product the server just returned into the cache, and marks the list stale. */
export function useProductSaved() {
  const queryClient = useQueryClient();
  return (product: Product) => {
    queryClient.setQueryData(productKeys.detail(product.id), product);
    void queryClient.invalidateQueries({ queryKey: productKeys.list });
  };
}

export function createProduct(body: { name: string; description?: string }) {
  return call(loose.POST('/api/v1/products', { body })) as Promise<Product>;
}

export function updateProduct(id: string, body: { name?: string; description?: string | null }) {
  return call(loose.PATCH('/api/v1/products/{id}', { params: { path: { id } }, body })) as Promise<Product>;
}

export function deleteProduct(id: string) {
  return call(loose.DELETE('/api/v1/products/{id}', { params: { path: { id } } }));
}

/** Uploads the product's file as multipart form data, replacing the one it had. */
export function putProductFile(id: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return call(
    loose.PUT('/api/v1/products/{id}/file', { params: { path: { id } }, body: form }),
  ) as Promise<Product>;
}

export function grantProduct(id: string, clientId: string) {
  return call(
    loose.POST('/api/v1/products/{id}/grants', { params: { path: { id } }, body: { client_id: clientId } }),
  ) as Promise<Grant>;
}

export function revokeGrant(id: string, clientId: string) {
  return call(
    loose.DELETE('/api/v1/products/{id}/grants/{client_id}', {
      params: { path: { id, client_id: clientId } },
    }),
  );
}

/** A short-lived address that downloads the file without the session's token. */
export function fileLink(id: string) {
  return call(loose.POST('/api/v1/files/{id}/link', { params: { path: { id } } })) as Promise<{
    url: string;
    expires_at: string;
  }>;
}

export { useFormatDate, useTenant } from '@/lib/console-queries';
