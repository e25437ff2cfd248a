import { type MemberContactBody, MemberContactResultSchema } from '@portal/shared';
import { useMutation } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client.ts';

/** A visitor's message to a member through its page's contact form (issue 17, decision 053). */
export function sendMemberContact(organizationId: string, body: MemberContactBody) {
  return apiSend(
    'POST',
    `/api/organizations/${encodeURIComponent(organizationId)}/contact`,
    body,
    MemberContactResultSchema,
  );
}

export function useSendMemberContact(organizationId: string) {
  return useMutation({ mutationFn: (body: MemberContactBody) => sendMemberContact(organizationId, body) });
}
