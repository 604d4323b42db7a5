export { isAdmin, useConsoleMe as useStaffMe, type StaffMe } from '@/lib/console-queries';
