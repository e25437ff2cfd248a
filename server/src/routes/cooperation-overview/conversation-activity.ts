import type { Db } from '@portal/db';
import type { Period } from './cooperation-overview.repository.ts';

/**
 * Conversations and partnerships in the overview and the network (issue 14 §2 builds them). Kept apart from
 * the board and booking aggregates so the overview does not change shape when they arrive.
 */
export interface ConversationActivity {
  perMonth: { month: string; conversations: number; partnerships: number }[];
  perArea: { areaId: string; conversations: number; partnerships: number }[];
  perOrganization: { organizationId: string; conversations: number; partnerships: number }[];
  /** Board items someone has opened a conversation about (their requests are answered). */
  answeredItemIds: string[];
  /** Partnerships agreed in the period per pair of organisations. */
  partnershipPairs: { a: string; b: string; count: number }[];
}

/**
 * PLACEHOLDER until the conversations schema exists: returns empty series, so the overview shows no
 * conversations or partnerships and counts every open request as unanswered.
 */
export async function conversationActivity(
  _db: Db,
  _p: Period,
  _area: string | null,
): Promise<ConversationActivity> {
  return { perMonth: [], perArea: [], perOrganization: [], answeredItemIds: [], partnershipPairs: [] };
}
