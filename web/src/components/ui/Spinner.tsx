import { useT } from '@/lib/i18n/hooks';

export function Spinner({ size = 'md', label }: { size?: 'sm' | 'md'; label?: string }) {
  const px = size === 'sm' ? 'h-4 w-4 border-2' : 'h-8 w-8 border-[3px]';
  return (
    <span role={label ? 'status' : undefined} className="inline-flex items-center gap-3">
      <span
        aria-hidden
        className={`${px} animate-spin rounded-full border-current border-t-transparent opacity-70`}
      />
      {label && <span className="text-sm text-slate-600">{label}</span>}
    </span>
  );
}

/** A whole-area loading state, announced to screen readers. */
export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="flex min-h-40 items-center justify-center p-8 text-slate-500">
      <Spinner label={label ?? t('components.loading')} />
    </div>
  );
}
