/**
 * TEMPORARY, until the deliverables, files, messages, time-log and feedback endpoints are in
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

export type DeliverableStatus = 'in_progress' | 'submitted' | 'approved' | 'changes_requested';

export interface FileSummary {
  id: string;
  name: string;
  size: number;
  content_type: string;
  created_at: string;
}

export interface DeliverableEvent {
  at: string;
  event: 'submitted' | 'approved' | 'changes_requested' | 'reopened';
  comment?: string | null;
  actor_kind: string;
  actor_id?: string | null;
}

export interface Deliverable {
  id: string;
  project_id: string;
  title: string;
  description?: string | null;
  status: DeliverableStatus;
  round: number;
  submitted_at?: string | null;
  decided_at?: string | null;
  created_at: string;
  updated_at: string;
  files: FileSummary[];
  history: DeliverableEvent[];
}

export interface ProjectFile extends FileSummary {
  project_id?: string | null;
  deliverable_id?: string | null;
  product_id?: string | null;
  client_visible: boolean;
  uploaded_by_kind: string;
  uploaded_by_id?: string | null;
}

export interface FileLink {
  url: string;
  expires_at: string;
}

export interface Thread {
  id: string;
  project_id: string;
  title: string;
  message_count: number;
  last_message_at: string;
  last_message?: string | null;
  unread_count: number;
  created_at: string;
}

export interface Message {
  id: string;
  thread_id: string;
  body: string;
  internal: boolean;
  author_kind: 'staff' | 'client';
  author_id: string;
  author_name: string;
  created_at: string;
}

export interface TimeLog {
  id: string;
  project_id: string;
  work_date: string;
  minutes: number;
  description: string;
  billable: boolean;
  hourly_rate_minor?: number | null;
  amount_minor: number;
  currency: string;
  staff_id?: string | null;
  staff_name?: string | null;
  created_at: string;
  updated_at: string;
}

export interface TimeLogList {
  items: TimeLog[];
  totals: { minutes: number; billable_minutes: number; billable_amount_minor: number; currency: string };
}

export interface TimeLogInput {
  work_date: string;
  minutes: number;
  description: string;
  billable: boolean;
  hourly_rate_minor?: number | null;
}

export interface Feedback {
  project_id: string;
  requested_at: string;
  rating?: number | null;
  comment?: string | null;
  submitted_at?: string | null;
}
