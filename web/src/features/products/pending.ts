/**
 * TEMPORARY, until the products endpoints are in
 * the generated schema: their shapes as their design notes describe them, and a client that
 * takes any path. Replaced by `components['schemas'][…]` and the typed `api` after the merge.
 */
import { api } from '@/api/client';

type Result = Promise<{ data?: unknown; error?: unknown; response: Response }>;
type Init = { params?: { path?: Record<string, string>; query?: Record<string, unknown> }; body?: unknown };
interface LooseClient {
  GET(path: string, init?: Init): Result;
  POST(path: string, init?: Init): Result;
  PUT(path: string, init?: Init): Result;
  PATCH(path: string, init?: Init): Result;
  DELETE(path: string, init?: Init): Result;
}
export const loose = api as unknown as LooseClient;

export interface ProductFile {
  id: string;
  name: string;
  size: number;
  content_type: string;
}

export interface Product {
  id: string;
  name: string;
  description?: string | null;
  file?: ProductFile | null;
  /** How many clients have it. */
  grants: number;
  created_at: string;
  updated_at: string;
}

export interface Grant {
  client_id: string;
  client_name: string;
  client_email: string;
  granted_at: string;
}
