import { useT } from '@/lib/i18n/hooks';
import type { Progress } from './api';

/** How many of the project's tasks are done, as a bar and in words. */
export function ProgressBar({ progress, label }: { progress: Progress; label: string }) {
  const t = useT();
  const words =
    progress.total === 0
      ? t('consoleProjects.progress.none')
      : t('consoleProjects.progress.done', { done: progress.done, total: progress.total });
  return (
    <div className="min-w-32">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-valuetext={t('consoleProjects.progress.valueText', { percent: progress.percent, words })}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand" style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-600">
        {t('consoleProjects.progress.line', { percent: progress.percent, words })}
      </p>
    </div>
  );
}
