import { z } from 'zod';

/** A private conversation between a board item's organisation and an interested one (issue 14 §2, decision 036). */
export const CONVERSATION_STATUSES = ['open', 'agreed_proposed', 'agreed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const ConversationStatusSchema = z.enum(CONVERSATION_STATUSES);

export const MESSAGE_BODY_MAX = 5000;
