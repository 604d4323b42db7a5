export { Button } from './Button';
export { Card, PageHeader } from './Card';
export { CodeInput } from './CodeInput';
export { TextArea, TextField } from './Field';
export { Loading, Spinner } from './Spinner';
export { Alert, Badge, EmptyState, ErrorState } from './States';
export { ToastProvider, useToast } from './Toast';
export { ConfirmButton } from './ConfirmButton';
