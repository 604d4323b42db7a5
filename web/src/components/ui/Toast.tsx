import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

/**
 * A link that follows the message ("Open the project"). The toasts sit outside the router,
 * so the page that shows one passes its own navigation in `onClick`.
 */
export interface ToastAction {
  label: string;
  href: string;
  onClick?: () => void;
}

interface Toast {
  id: number;
  message: string;
  tone: 'success' | 'error';
  action?: ToastAction;
}

type ShowToast = (message: string, tone?: Toast['tone'], action?: ToastAction) => void;

const ToastContext = createContext<ShowToast>(() => {});

/** Confirms what an action did ("Client created"), for a few seconds, politely announced. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback<ShowToast>((message, tone = 'success', action) => {
    const id = Date.now() + Math.random();
    setToasts((t) => [...t, { id, message, tone, action }]);
    // A toast with a link stays longer: there is something to reach for.
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), action ? 10_000 : 5000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4"
      >
        {toasts.map((t) => (
          <div
            key={t.id}
            role="status"
            className={`pointer-events-auto rounded-lg px-4 py-3 text-sm font-medium shadow-lg ${t.tone === 'success' ? 'bg-slate-900 text-white' : 'bg-red-700 text-white'}`}
          >
            {t.message}
            {t.action && (
              <a
                href={t.action.href}
                className="ml-3 underline underline-offset-2"
                onClick={(e) => {
                  if (!t.action?.onClick) return;
                  e.preventDefault();
                  t.action.onClick();
                }}
              >
                {t.action.label}
              </a>
            )}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

// eslint-disable-next-line react-refresh/only-export-components
export function useToast() {
  return useContext(ToastContext);
}
