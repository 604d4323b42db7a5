import { Card } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { Board } from './Board';
import { FeedbackCard } from './FeedbackCard';
import { ProjectFrame } from './ProjectFrame';
import { MarkdownView } from '@/components/Markdown';

/** `/projects/:id`: the project's description and its board. */
export function ProjectPage() {
  const t = useT();
  return (
    <ProjectFrame tab="overview">
      {(p) => (
        <div className="space-y-6">
          <FeedbackCard project={p} />
          {p.description && (
            <Card title={t('portalProjects.about')}>
              <MarkdownView text={p.description} />
            </Card>
          )}
          <section aria-labelledby="tasks-title" className="space-y-3">
            <h2 id="tasks-title" className="text-lg font-semibold text-slate-900">
              {t('portalProjects.tasks')}
            </h2>
            <Board columns={p.board} />
          </section>
        </div>
      )}
    </ProjectFrame>
  );
}
