// Shared with the money pages: the one definition lives in lib.
export { useReadOnly } from '@/lib/read-only';
