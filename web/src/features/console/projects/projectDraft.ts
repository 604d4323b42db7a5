import type { PickedClient } from '@/components/ClientPicker';
import type { ProjectStatus } from './api';

export interface ProjectDraft {
  client: PickedClient | null;
  name: string;
  description: string;
  status: ProjectStatus;
  start_date: string;
  due_date: string;
  staff_id: string;
  client_uploads: boolean;
}

export const emptyProject: ProjectDraft = {
  client: null,
  name: '',
  description: '',
  status: 'planned',
  start_date: '',
  due_date: '',
  staff_id: '',
  client_uploads: false,
};
