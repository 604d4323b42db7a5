import type { Translate } from '@/lib/i18n/hooks';
import type { TemplateContent } from './api';

/** What a template holds, in a few words: "12 tasks, 3 deliverables", "4 lines". */
export function templateSummary(content: TemplateContent, t: Translate): string {
  switch (content.kind) {
    case 'project':
      return t('consoleTemplates.summary.project', {
        tasks: content.tasks?.length ?? 0,
        deliverables: content.deliverables?.length ?? 0,
      });
    case 'quote':
      return t('consoleTemplates.summary.quote', { count: content.lines.length });
    case 'contract':
      return t('consoleTemplates.summary.contract', { title: content.title });
    case 'email':
      return t('consoleTemplates.summary.email', { subject: content.subject });
  }
}
