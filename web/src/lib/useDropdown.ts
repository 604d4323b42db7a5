import { useEffect, useId, useRef, useState } from 'react';

/**
 * A header dropdown's state: open or shut, its panel's id, and the refs of its box and
 * button. Escape and a click elsewhere close it, as people expect of a dropdown; Escape puts
 * them back on the button. Escape is captured, so the phone menu (also listening for it)
 * stays open: the dropdown is on top, so it goes first.
 */
export function useDropdown() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('mousedown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('mousedown', onPointer);
    };
  }, [open]);
  return { open, setOpen, panelId, box, button };
}
