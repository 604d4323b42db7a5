/** Class names shared by screens that draw a link as a button, a native select or a list row. */

export const linkButton =
  'inline-flex min-h-10 items-center justify-center rounded-lg bg-brand px-4 py-2 text-sm font-semibold text-brand-fg shadow-sm hover:opacity-90';

export const secondaryLink =
  'inline-flex min-h-10 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50';

export const select =
  'block h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-[15px] text-slate-900 shadow-sm disabled:bg-slate-100';

export const labelClass = 'block text-sm font-medium text-slate-800';

export const searchInput =
  'block h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-[15px] text-slate-900 shadow-sm placeholder:text-slate-500';

/** A table row that is a link on its first cell, and a card under 640 px. */
export const rowClass =
  'relative block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:bg-slate-50 sm:table-row sm:rounded-none sm:border-0 sm:p-0 sm:shadow-none';

export const rowLink =
  "font-semibold whitespace-nowrap text-slate-900 after:absolute after:inset-0 after:content-[''] hover:underline";
