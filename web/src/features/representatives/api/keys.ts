/**
 * The representatives' queries: an organisation's representatives and an invitation's preview. Under
 * `account` (dropped with the other account data when the user changes), with the same keys they had in
 * the organisation editor (`['account', 'my-organization', …]`).
 */
const organizationEditor = ['account', 'my-organization'] as const;

export const representativeKeys = {
  list: (organizationId: string) => [...organizationEditor, organizationId, 'representatives'] as const,
  invitation: (token: string) => [...organizationEditor, 'invitation', token] as const,
};
