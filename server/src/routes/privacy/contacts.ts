import type { ContactField, MemberOrganizationProfile, Visibility, VisibilityMap } from '@portal/shared';
import { redactContacts } from '@portal/shared';
import { parseJson } from '../../db.ts';

/**
 * Privacy of contact fields on the server (see "Privacy levels of contact fields" in docs/architecture.md):
 * an organisation's contacts with their visibility, cut down to what a reader's level may see. The rules
 * themselves (levels, defaults, `redactContacts`) are in shared/src/privacy.ts.
 */

/**
 * The contact columns of a raw organisation row as the driver returns them (visibility may be JSON text):
 * the directory statement's rows, and services not yet moved to typed repositories.
 */
export interface ContactRow extends Record<string, unknown> {
  address: string | null;
  website: string | null;
  public_email: string | null;
  public_phone: string | null;
  contact_name: string | null;
  contact_position: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  visibility: VisibilityMap | string | null;
}

export type MemberContacts = Pick<MemberOrganizationProfile, ContactField>;

/** An organisation's contact fields with who may see each (null: the defaults). */
export type Contacts = MemberContacts & { visibility: VisibilityMap | null };

/** The contacts of a raw row (`ContactRow`). */
export function contactsOfRow(r: ContactRow): Contacts {
  return {
    address: r.address,
    website: r.website,
    publicEmail: r.public_email,
    publicPhone: r.public_phone,
    contactName: r.contact_name,
    contactPosition: r.contact_position,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    visibility: r.visibility === null ? null : parseJson(r.visibility),
  };
}

/** An organisation's contact fields as a reader at `level` may see them: every other one null. */
export function contactsAt(c: Contacts, level: Visibility): MemberContacts {
  return redactContacts(
    {
      address: c.address,
      website: c.website,
      publicEmail: c.publicEmail,
      publicPhone: c.publicPhone,
      contactName: c.contactName,
      contactPosition: c.contactPosition,
      contactEmail: c.contactEmail,
      contactPhone: c.contactPhone,
    },
    c.visibility,
    level,
  );
}
