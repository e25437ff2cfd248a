import * as z from 'zod';

/** A private conversation between a board item's organisation and an interested one (issue 14 §2, decision 036). */
export const CONVERSATION_STATUSES = ['open', 'agreed_proposed', 'agreed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const ConversationStatusSchema = z.enum(CONVERSATION_STATUSES);

/** How a proposal of "agreed" ends without a partnership: withdrawn by its side, or declined by the other. */
export const PROPOSAL_ENDINGS = ['withdrawn', 'declined'] as const;
export type ProposalEnding = (typeof PROPOSAL_ENDINGS)[number];

/** The steps of "agreed" the other side hears about by email. */
export const AGREEMENT_STEPS = ['proposed', 'withdrawn', 'declined', 'confirmed'] as const;
export type AgreementStep = (typeof AGREEMENT_STEPS)[number];

export const MESSAGE_BODY_MAX = 5000;

const uuid = z.uuid();
const datetime = z.iso.datetime({ offset: true });

/** A message's text: plain text, 1–5000 characters after trimming (control characters are refused earlier). */
export const MessageBodySchema = z.string().trim().min(1).max(MESSAGE_BODY_MAX);

/** "Interested": the first message, and the organisation it is sent for when the user represents several. */
export const InterestBodySchema = z.strictObject({
  organizationId: uuid.optional(),
  body: MessageBodySchema,
});
export type InterestBody = z.infer<typeof InterestBodySchema>;

export const MessageCreateBodySchema = z.strictObject({ body: MessageBodySchema });
export type MessageCreateBody = z.infer<typeof MessageCreateBodySchema>;

export const ConversationOrgRefSchema = z.object({ id: uuid, nameBg: z.string(), nameEn: z.string() });
export type ConversationOrgRef = z.infer<typeof ConversationOrgRefSchema>;

export const ConversationItemRefSchema = z.object({
  id: uuid,
  titleBg: z.string(),
  titleEn: z.string(),
  kind: z.enum(['offer', 'request']),
});

export const ConversationSummarySchema = z.object({
  id: uuid,
  item: ConversationItemRefSchema,
  owner: ConversationOrgRefSchema,
  interested: ConversationOrgRefSchema,
  /** The reader's side: the organisation they represent in this conversation. */
  mySide: z.enum(['owner', 'interested']),
  status: ConversationStatusSchema,
  lastMessageAt: datetime,
  createdAt: datetime,
  /** Messages of the other side the reader has not read. */
  unread: z.number().int().nonnegative(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

export const ConversationListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ConversationListQuery = z.infer<typeof ConversationListQuerySchema>;

export const ConversationListResponseSchema = z.object({
  items: z.array(ConversationSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ConversationListResponse = z.infer<typeof ConversationListResponseSchema>;

export const ConversationMessageSchema = z.object({
  id: uuid,
  /** The writer's name; null: an erased person. */
  authorName: z.string().nullable(),
  authorOrganizationId: uuid,
  /** Written by the reader themselves. */
  mine: z.boolean(),
  body: z.string(),
  createdAt: datetime,
});
export type ConversationMessage = z.infer<typeof ConversationMessageSchema>;

export const ConversationSchema = ConversationSummarySchema.extend({
  /** Which organisation proposed "agreed" (null: nobody yet). */
  agreedProposedByOrganizationId: uuid.nullable(),
  agreedProposedAt: datetime.nullable(),
  agreedConfirmedAt: datetime.nullable(),
  /** How the last proposal ended without a partnership (null: none did, or a new one was made since). */
  proposalEnded: z
    .object({
      action: z.enum(PROPOSAL_ENDINGS),
      byOrganizationId: uuid.nullable(),
      at: datetime,
      /** The decliner's short reason, if they gave one. */
      reason: z.string().nullable(),
    })
    .nullable(),
  /** The partnership once agreed, with the reader's side's consent to show it and the other side's. */
  partnership: z
    .object({ id: uuid, myConsent: z.boolean(), otherConsent: z.boolean(), agreedAt: datetime })
    .nullable(),
  messages: z.array(ConversationMessageSchema),
  version: z.number().int(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** "Interested" answers the conversation: new (201) or the existing one for that item and organisation (200). */
export const InterestResponseSchema = ConversationSchema;

export const UnreadResponseSchema = z.object({ total: z.number().int().nonnegative() });
export type UnreadResponse = z.infer<typeof UnreadResponseSchema>;

export const ConversationSettingsSchema = z.strictObject({ emailsEnabled: z.boolean() });
export type ConversationSettings = z.infer<typeof ConversationSettingsSchema>;

export const AgreeBodySchema = z.strictObject({ version: z.number().int().positive() });
export type AgreeBody = z.infer<typeof AgreeBodySchema>;

export const DECLINE_REASON_MAX = 500;

/** Declining the other side's proposal: the version read and an optional short reason (empty: none). */
export const DeclineBodySchema = z.strictObject({
  version: z.number().int().positive(),
  reason: z
    .string()
    .trim()
    .max(DECLINE_REASON_MAX)
    .optional()
    .transform((r) => (r ? r : undefined)),
});
export type DeclineBody = z.infer<typeof DeclineBodySchema>;

export const PartnershipConsentBodySchema = z.strictObject({ shown: z.boolean() });
export type PartnershipConsentBody = z.infer<typeof PartnershipConsentBodySchema>;

/** A partnership as one of its organisations sees it (the my-organisation page). */
export const PartnershipSchema = z.object({
  id: uuid,
  conversationId: uuid,
  partner: ConversationOrgRefSchema,
  agreedAt: datetime,
  areas: z.array(z.object({ id: z.string(), nameBg: z.string(), nameEn: z.string() })),
  myConsent: z.boolean(),
  otherConsent: z.boolean(),
});
export type Partnership = z.infer<typeof PartnershipSchema>;
export const PartnershipListResponseSchema = z.object({ items: z.array(PartnershipSchema) });
export type PartnershipListResponse = z.infer<typeof PartnershipListResponseSchema>;

/** "Partners in the cluster" on a public profile: partnerships both sides consented to show. */
export const PublicPartnerSchema = z.object({
  organization: ConversationOrgRefSchema,
  agreedAt: datetime,
  areas: z.array(z.object({ id: z.string(), nameBg: z.string(), nameEn: z.string() })),
});
export type PublicPartner = z.infer<typeof PublicPartnerSchema>;

/** What an administrator sees for moderation: that a conversation exists, between whom, when — no text. */
export const ModeratedConversationSchema = z.object({
  id: uuid,
  itemId: uuid,
  /** The item's titles (the board is open to administrators; a title is not a word of the conversation). */
  item: z.object({ id: uuid, titleBg: z.string(), titleEn: z.string() }),
  owner: ConversationOrgRefSchema,
  interested: ConversationOrgRefSchema,
  status: ConversationStatusSchema,
  createdAt: datetime,
  lastMessageAt: datetime,
  messageCount: z.number().int(),
});
/**
 * The moderation list's filters: one organisation (either side), a status, and words matched against the
 * two organisations' names and the item's title — never against what was written.
 */
export const ModerationQuerySchema = ConversationListQuerySchema.extend({
  organizationId: uuid.optional(),
  status: ConversationStatusSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type ModerationQuery = z.infer<typeof ModerationQuerySchema>;

export const ModeratedConversationListResponseSchema = z.object({
  items: z.array(ModeratedConversationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ModeratedConversationListResponse = z.infer<typeof ModeratedConversationListResponseSchema>;

/** Splits plain text into text and links (http/https only), for rendering links as anchors and nothing else. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };
const LINK = /\bhttps?:\/\/[^\s<>"']+/gi;
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    let url = m[0];
    // Trailing punctuation ends the sentence, not the link.
    const trimmed = url.replace(/[.,;:!?)\]]+$/, '');
    url = trimmed;
    const start = m.index ?? 0;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
