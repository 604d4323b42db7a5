import { Link } from 'react-router';

/** Tabs that are links, so the chosen tab lives in the URL (reload and back keep it). */
export function TabLinks({
  label,
  tabs,
}: {
  label: string;
  tabs: { to: string; label: string; selected: boolean }[];
}) {
  return (
    <div role="tablist" aria-label={label} className="mb-4 inline-flex rounded-lg bg-slate-100 p-1">
      {tabs.map((tab) => (
        <Link
          key={tab.to}
          role="tab"
          aria-selected={tab.selected}
          to={tab.to}
          className={`rounded-md px-4 py-1.5 text-sm font-medium ${tab.selected ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-700'}`}
        >
          {tab.label}
        </Link>
      ))}
    </div>
  );
}
