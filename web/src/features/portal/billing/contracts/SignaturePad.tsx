import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

/** The drawing's coordinate frame, whatever size the pad is shown at; sent with the path. */
export const PAD_WIDTH = 600;
export const PAD_HEIGHT = 200;
/** The bitmap's pixels per frame unit, so the ink stays sharp on high-density screens. */
const SCALE = 2;
/** The server takes paths up to 100 KB; stop a little before. */
const MAX_PATH = 95_000;

export interface DrawnSignature {
  path: string;
  width: number;
  height: number;
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * A pad to sign on with a mouse, a finger or a pen (pointer events), recording the strokes as
 * an SVG path of `M`/`L` commands in a 600 × 200 frame, each number rounded to one decimal.
 * `onChange` gets the signature after every stroke, or `null` once cleared.
 */
export function SignaturePad({
  onChange,
  invalid,
  describedBy,
}: {
  onChange: (signature: DrawnSignature | null) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const path = useRef('');
  const stroke = useRef<{ points: number; last: [number, number] } | null>(null);
  const [empty, setEmpty] = useState(true);
  const [full, setFull] = useState(false);

  const context = () => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return null;
    ctx.setTransform(SCALE, 0, 0, SCALE, 0, 0);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#0f172a';
    return ctx;
  };

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    // Touch must draw rather than scroll the page, which CSS alone does not stop in every browser.
    const stop = (e: TouchEvent) => e.preventDefault();
    el.addEventListener('touchmove', stop, { passive: false });
    return () => el.removeEventListener('touchmove', stop);
  }, []);

  const point = (e: { clientX: number; clientY: number }): [number, number] => {
    const rect = canvas.current!.getBoundingClientRect();
    const x = rect.width ? ((e.clientX - rect.left) * PAD_WIDTH) / rect.width : 0;
    const y = rect.height ? ((e.clientY - rect.top) * PAD_HEIGHT) / rect.height : 0;
    return [round(Math.min(PAD_WIDTH, Math.max(0, x))), round(Math.min(PAD_HEIGHT, Math.max(0, y)))];
  };

  const append = (command: 'M' | 'L', [x, y]: [number, number]) => {
    const next = `${path.current ? `${path.current} ` : ''}${command}${x} ${y}`;
    if (next.length > MAX_PATH) {
      setFull(true);
      return false;
    }
    path.current = next;
    return true;
  };

  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    canvas.current?.setPointerCapture?.(e.pointerId);
    const p = point(e);
    if (!append('M', p)) return;
    stroke.current = { points: 1, last: p };
    const ctx = context();
    ctx?.beginPath();
    ctx?.moveTo(p[0], p[1]);
  };

  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const s = stroke.current;
    if (!s) return;
    // A fast pen reports several positions per frame; take them all for a smooth line.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    const ctx = context();
    for (const ev of events.length ? events : [e]) {
      const p = point(ev);
      // Points closer than half a unit add bytes, not shape.
      if (Math.hypot(p[0] - s.last[0], p[1] - s.last[1]) < 0.5) continue;
      if (!append('L', p)) break;
      ctx?.lineTo(p[0], p[1]);
      s.points += 1;
      s.last = p;
    }
    ctx?.stroke();
  };

  const up = () => {
    const s = stroke.current;
    if (!s) return;
    stroke.current = null;
    // A tap is a dot: give it a second point so the path draws it too.
    if (s.points === 1 && append('L', s.last)) {
      const ctx = context();
      ctx?.lineTo(s.last[0], s.last[1]);
      ctx?.stroke();
    }
    setEmpty(false);
    onChange({ path: path.current, width: PAD_WIDTH, height: PAD_HEIGHT });
  };

  const clear = () => {
    path.current = '';
    stroke.current = null;
    const ctx = canvas.current?.getContext('2d');
    ctx?.setTransform(1, 0, 0, 1, 0, 0);
    ctx?.clearRect(0, 0, PAD_WIDTH * SCALE, PAD_HEIGHT * SCALE);
    setEmpty(true);
    setFull(false);
    onChange(null);
  };

  return (
    <div className="space-y-2">
      <div
        className={`relative overflow-hidden rounded-lg border-2 border-dashed bg-white ${invalid ? 'border-red-600' : 'border-slate-300'}`}
      >
        <canvas
          ref={canvas}
          width={PAD_WIDTH * SCALE}
          height={PAD_HEIGHT * SCALE}
          role="img"
          aria-label={t('portalBillingContracts.padLabel')}
          aria-describedby={describedBy}
          className="block aspect-[3/1] w-full cursor-crosshair touch-none"
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
          onLostPointerCapture={up}
        />
        {empty && (
          <span
            aria-hidden
            className="pointer-events-none absolute inset-x-6 bottom-6 border-b border-slate-300 pb-1 text-sm text-slate-500"
          >
            {t('portalBillingContracts.signHere')}
          </span>
        )}
      </div>
      {full && <p className="text-sm font-medium text-red-700">{t('portalBillingContracts.padFull')}</p>}
      <Button variant="secondary" onClick={clear} disabled={empty}>
        {t('portalBillingContracts.clear')}
      </Button>
    </div>
  );
}
