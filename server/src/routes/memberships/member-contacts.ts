import { asc, type Db, eq, organizations, userOrganizations, users } from '@portal/db';
import type { MembershipDetail } from '@portal/shared';

/**
 * How the committee reaches a member (issue 11 C13): every contact field of the organisation, whatever its
 * visibility, and its representatives by name and email (erased users are no longer linked).
 */
export async function memberContacts(
  db: Db,
  organizationId: string,
): Promise<Pick<MembershipDetail, 'contacts' | 'representatives'>> {
  const [contacts] = await db
    .select({
      address: organizations.address,
      website: organizations.website,
      publicEmail: organizations.publicEmail,
      publicPhone: organizations.publicPhone,
      contactName: organizations.contactName,
      contactPosition: organizations.contactPosition,
      contactEmail: organizations.contactEmail,
      contactPhone: organizations.contactPhone,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  const representatives = await db
    .select({ id: users.id, name: users.displayName, email: users.email })
    .from(userOrganizations)
    .innerJoin(users, eq(users.id, userOrganizations.userId))
    .where(eq(userOrganizations.organizationId, organizationId))
    .orderBy(asc(users.displayName));
  return {
    contacts: contacts ?? {
      address: null,
      website: null,
      publicEmail: null,
      publicPhone: null,
      contactName: null,
      contactPosition: null,
      contactEmail: null,
      contactPhone: null,
    },
    representatives,
  };
}
