import { useT } from '@/lib/i18n/hooks';
import type { Progress } from './api';

/** "3 of 8 tasks · 37%", as a bar screen readers announce with the same words. */
export function ProgressBar({ progress, label }: { progress: Progress; label?: string }) {
  const t = useT();
  const { done, total, percent } = progress;
  const text =
    total === 0
      ? t('portalProjects.progress.none')
      : t('portalProjects.progress.text', { done, total, percent });
  return (
    <div className="space-y-1.5">
      <div
        role="progressbar"
        aria-label={label ?? t('portalProjects.progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full ${percent === 100 ? 'bg-green-600' : 'bg-brand'}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="text-sm text-slate-700">{text}</p>
    </div>
  );
}
