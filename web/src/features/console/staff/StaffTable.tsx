import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Badge, Button, Cell, ResponsiveTable, useToast } from '@/components/ui';
import {
  removeStaff,
  staffKey,
  updateStaff,
  type Role,
  type StaffList,
  type StaffMe,
  type StaffMember,
} from './api';
import { ConfirmButton } from '@/components/ui';
import { roleLabel, rolesFor } from './roles';
import { useFormatDate } from '@/lib/console-queries';
import { useT } from '@/lib/i18n/hooks';

/** A table on wide screens; under 640 px each person becomes a card with its own labels. */
export function StaffTable({ staff, me }: { staff: StaffMember[]; me: StaffMe | undefined }) {
  const t = useT();
  return (
    <ResponsiveTable
      columns={[
        t('consoleStaff.column.name'),
        t('consoleStaff.column.email'),
        t('consoleStaff.column.role'),
        t('consoleStaff.column.joined'),
        t('consoleStaff.column.actions'),
      ]}
    >
      {staff.map((member) => (
        <StaffRow key={member.id} member={member} me={me} />
      ))}
    </ResponsiveTable>
  );
}

function StaffRow({ member, me }: { member: StaffMember; me: StaffMe | undefined }) {
  const t = useT();
  const queryClient = useQueryClient();
  const toast = useToast();
  const format = useFormatDate();
  const isMe = member.id === me?.id;
  // Admins may not touch owners: the server refuses, so the controls are not offered.
  const locked = member.role === 'owner' && me?.role !== 'owner';
  // Chosen first, then saved with a button: arrowing through a closed select fires a change
  // per option in some browsers, which must not re-assign someone's role at every keystroke.
  const [choice, setChoice] = useState<Role>(member.role);
  const changeRole = useMutation({
    mutationFn: (role: Role) => updateStaff(member.id, { role }),
    onError: () => setChoice(member.role),
    onSuccess: (updated) => {
      queryClient.setQueryData<StaffList>(
        staffKey,
        (list) => list && { items: list.items.map((m) => (m.id === updated.id ? updated : m)) },
      );
      void queryClient.invalidateQueries({ queryKey: staffKey });
      // A new role of one's own changes what the console shows.
      if (isMe) void queryClient.invalidateQueries({ queryKey: ['console', 'me'] });
      toast(t('consoleStaff.roleChanged', { name: updated.name, role: updated.role }));
    },
  });
  const remove = useMutation({
    mutationFn: () => removeStaff(member.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: staffKey });
      toast(t('consoleStaff.removed', { name: member.name }));
    },
  });
  const roles = rolesFor(me).includes(member.role) ? rolesFor(me) : [member.role, ...rolesFor(me)];
  const error = changeRole.error ?? remove.error;

  return (
    <tr className="block rounded-xl border border-slate-200 bg-white p-4 align-top shadow-sm sm:table-row sm:rounded-none sm:border-0 sm:p-0 sm:shadow-none">
      <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
        <span className="font-semibold text-slate-900">{member.name}</span>{' '}
        {isMe && <Badge tone="blue">{t('consoleStaff.you')}</Badge>}
      </td>
      <Cell label={t('consoleStaff.column.email')}>
        <span className="break-all">{member.email}</span>
      </Cell>
      <Cell label={t('consoleStaff.column.role')}>
        <span className="flex flex-wrap items-center justify-end gap-2 sm:justify-start">
          <select
            aria-label={t('consoleStaff.roleOf', { name: member.name })}
            value={choice}
            disabled={locked || changeRole.isPending}
            onChange={(e) => setChoice(e.target.value as Role)}
            className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm disabled:bg-slate-100"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
          {choice !== member.role && (
            <>
              <Button
                className="min-h-8 px-3 py-1"
                busy={changeRole.isPending}
                onClick={() => changeRole.mutate(choice)}
              >
                {t('consoleStaff.saveRole')}
              </Button>
              <Button
                variant="ghost"
                className="min-h-8 px-3 py-1"
                disabled={changeRole.isPending}
                onClick={() => setChoice(member.role)}
              >
                {t('consoleStaff.undo')}
              </Button>
            </>
          )}
        </span>
      </Cell>
      <Cell label={t('consoleStaff.column.joined')}>{format(member.created_at)}</Cell>
      <Cell label={t('consoleStaff.column.actions')}>
        <span className="flex flex-col items-end gap-2 sm:items-start">
          {locked ? (
            <span className="text-slate-600">{t('consoleStaff.ownerLocked')}</span>
          ) : (
            <ConfirmButton
              label={isMe ? t('consoleStaff.leave') : t('consoleStaff.remove')}
              question={
                isMe
                  ? t('consoleStaff.leaveQuestion')
                  : t('consoleStaff.removeQuestion', { name: member.name })
              }
              confirmLabel={
                isMe ? t('consoleStaff.leave') : t('consoleStaff.removeName', { name: member.name })
              }
              busy={remove.isPending}
              onConfirm={() => remove.mutateAsync()}
            />
          )}
          {error && <Alert tone="error">{messageOf(error)}</Alert>}
        </span>
      </Cell>
    </tr>
  );
}
