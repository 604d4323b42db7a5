export const linkButton =
  'inline-flex min-h-10 items-center justify-center rounded-lg bg-brand px-4 py-2 text-sm font-semibold text-brand-fg shadow-sm hover:opacity-90';

export const secondaryLink =
  'inline-flex min-h-10 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50';

export const select =
  'block h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-[15px] text-slate-900 shadow-sm disabled:bg-slate-100';

export const labelClass = 'block text-sm font-medium text-slate-800';

export const textLink = 'font-medium text-slate-900 underline underline-offset-2';
