import * as z from 'zod';
import { EmailSchema } from './auth.ts';

/**
 * A visitor's message to a member through the contact form on its public page (issue 17, decision 053).
 * The portal only passes it on by email (Reply-To: the visitor); it keeps no copy beyond the outbox.
 */
export const CONTACT_NAME_MAX = 200;
export const CONTACT_ORGANIZATION_MAX = 300;
export const CONTACT_SUBJECT_MAX = 200;
export const CONTACT_MESSAGE_MIN = 10;
export const CONTACT_MESSAGE_MAX = 5000;

/** One line: a subject or a name never carries a line break into an email header. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !/[\r\n]/.test(v), { params: { code: 'field.invalid' } });

export const MemberContactBodySchema = z.strictObject({
  name: line(CONTACT_NAME_MAX),
  email: EmailSchema,
  organization: z
    .string()
    .trim()
    .max(CONTACT_ORGANIZATION_MAX)
    .refine((v) => !/[\r\n]/.test(v), { params: { code: 'field.invalid' } })
    .default(''),
  subject: line(CONTACT_SUBJECT_MAX),
  message: z.string().trim().min(CONTACT_MESSAGE_MIN).max(CONTACT_MESSAGE_MAX),
  /**
   * The honeypot: a field people never see nor fill. A request that fills it is answered like a sent one,
   * and nothing is sent.
   */
  website: z.string().max(500).default(''),
  /** The visitor agrees that the portal processes their data to pass the message on (privacy page). */
  consent: z.boolean().refine((v) => v, { params: { code: 'contact.consent_required' } }),
});
export type MemberContactBody = z.infer<typeof MemberContactBodySchema>;
export type MemberContactBodyInput = z.input<typeof MemberContactBodySchema>;

export const MemberContactResultSchema = z.object({ sent: z.literal(true) });
export type MemberContactResult = z.infer<typeof MemberContactResultSchema>;
