export { AttachmentList } from './AttachmentList';
export { AttachmentPicker, MAX_ATTACHMENTS } from './AttachmentPicker';
export { FilePreview } from './FilePreview';
export { PreviewDialog } from './PreviewDialog';
export { consoleFiles, portalFiles, type FileSource } from './sources';
export { Thumbnail } from './Thumbnail';
export type { PreviewableFile } from './types';
