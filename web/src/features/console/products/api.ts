import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type Product = components['schemas']['Product'];
export type ProductFile = components['schemas']['ProductFile'];
export type Grant = components['schemas']['Grant'];
export type CreateProduct = components['schemas']['CreateProduct'];
export type UpdateProduct = components['schemas']['UpdateProduct'];
type FileOnlyForm = components['schemas']['FileOnlyForm'];

// Every key starts with 'console' so logging out of the console forgets them all.
export const productKeys = {
  list: ['console', 'products', 'list'] as const,
  detail: (id: string) => ['console', 'products', 'detail', id] as const,
  grants: (id: string) => ['console', 'products', 'grants', id] as const,
};

export function useProducts() {
  return useQuery({ queryKey: productKeys.list, queryFn: () => call(api.GET('/api/v1/products')) });
}

export function useProduct(id: string) {
  return useQuery({
    queryKey: productKeys.detail(id),
    queryFn: () => call(api.GET('/api/v1/products/{id}', { params: { path: { id } } })),
  });
}

export function useGrants(id: string) {
  return useQuery({
    queryKey: productKeys.grants(id),
    queryFn: () => call(api.GET('/api/v1/products/{id}/grants', { params: { path: { id } } })),
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

export function createProduct(body: CreateProduct) {
  return call(api.POST('/api/v1/products', { body }));
}

export function updateProduct(id: string, body: UpdateProduct) {
  return call(api.PATCH('/api/v1/products/{id}', { params: { path: { id } }, body }));
}

export function deleteProduct(id: string) {
  return call(api.DELETE('/api/v1/products/{id}', { params: { path: { id } } }));
}

/**
 * Uploads the product's file as multipart form data, replacing the one it had. openapi-fetch
 * sends a `FormData` body as it is; the spec's form schema describes its fields.
 */
export function putProductFile(id: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return call(
    api.PUT('/api/v1/products/{id}/file', {
      params: { path: { id } },
      body: form as unknown as FileOnlyForm,
    }),
  );
}

export function grantProduct(id: string, clientId: string) {
  return call(
    api.POST('/api/v1/products/{id}/grants', { params: { path: { id } }, body: { client_id: clientId } }),
  );
}

export function revokeGrant(id: string, clientId: string) {
  return call(
    api.DELETE('/api/v1/products/{id}/grants/{client_id}', {
      params: { path: { id, client_id: clientId } },
    }),
  );
}

/** A short-lived address that downloads the file without the session's token. */
export function fileLink(id: string) {
  return call(api.GET('/api/v1/files/{id}/link', { params: { path: { id } } }));
}

export { useFormatDate, useTenant } from '@/lib/console-queries';
